import { bigint, integer, numeric, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { organizers, units } from './org';
import { deviceModels } from './devices';

/*
 * Sums the device cost report (devices/findModelCosts) adds up, per model and unit, so it reads a few thousand rows
 * instead of every device and every repair (decision 073). Both are kept by triggers in the database (migration
 * 0062), in the transaction of each write to devices or device_repairs, whatever code makes it; a spec compares them
 * with a fresh computation after every kind of write. A row left at zeros (its devices moved away) is skipped.
 */

/**
 * The devices' years of use. A device in use (any status but lost, stolen, scrapped) counts from its start — its
 * purchase date at midnight UTC, else its registration — to the report's `now`: stored is the sum of the starts in
 * epoch seconds, so the report takes `in_use × now − start_seconds` (and adds back the devices whose start is still
 * ahead of now, which count zero). A device out of use counts from its start to when it got there (its updated_at),
 * never below zero: stored as seconds. Numeric, so the sums are exact to the microsecond, as the fresh sum was.
 */
export const deviceUseSums = pgTable(
	'device_use_sums',
	{
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		modelId: uuid('model_id')
			.notNull()
			.references(() => deviceModels.id, { onDelete: 'cascade' }),
		unitId: uuid('unit_id')
			.notNull()
			.references(() => units.id, { onDelete: 'cascade' }),
		inUse: integer('in_use').notNull().default(0),
		inUseStartSeconds: numeric('in_use_start_seconds').notNull().default('0'),
		outOfUse: integer('out_of_use').notNull().default(0),
		outOfUseSeconds: numeric('out_of_use_seconds').notNull().default('0')
	},
	(t) => [primaryKey({ columns: [t.organizerId, t.modelId, t.unitId] })]
);

/**
 * The recorded costs of the repairs that came back (returned, with a cost), per model, unit and the year of the
 * device's life the repair was sent in (1 = its first year of 365.25 days from its start, as above). A device whose
 * model, unit or purchase date changes takes its repairs' sums along.
 */
export const deviceRepairSums = pgTable(
	'device_repair_sums',
	{
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		modelId: uuid('model_id')
			.notNull()
			.references(() => deviceModels.id, { onDelete: 'cascade' }),
		unitId: uuid('unit_id')
			.notNull()
			.references(() => units.id, { onDelete: 'cascade' }),
		lifeYear: integer('life_year').notNull(),
		/** The repairs' costs summed, whole kronor. */
		cost: bigint('cost', { mode: 'number' }).notNull().default(0),
		repairs: integer('repairs').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.organizerId, t.modelId, t.unitId, t.lifeYear] })]
);
