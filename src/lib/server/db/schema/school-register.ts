import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { organizers, people, units } from './org';

/** One address of a school unit as Skolverket's register gives it (decision 055). */
export type RegisterAddress = { type: string; street: string | null; postalCode: string | null; locality: string | null };

/** What a difference says: the register's value and ours, for the page and the audit log. */
export type RegisterDifferenceValues = { name?: string; schoolTypes?: string[]; status?: string };

/**
 * Where an organizer's units come from in Skolverket's school-unit register (issue 16 item 5, decision 055): by the
 * organizer's organisationsnummer or by a municipality code. Written by the first import; the daily check reads it.
 */
export const schoolRegisterConfigs = pgTable('school_register_configs', {
	organizerId: uuid('organizer_id')
		.primaryKey()
		.references(() => organizers.id),
	/** org_number | municipality */
	source: text('source').notNull(),
	/** Ten digits (org_number) or four (municipality). */
	sourceValue: text('source_value').notNull(),
	/** The last daily check that finished, and the failure of the last one that did not (null when it went well). */
	checkedAt: timestamp('checked_at', { withTimezone: true }),
	checkError: text('check_error'),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

/**
 * The register's view of one school unit at the last import or check: status and addresses live here (a unit has no
 * address columns), name and school types are copied to the unit when an administrator takes them.
 */
export const schoolRegisterUnits = pgTable(
	'school_register_units',
	{
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		schoolUnitCode: text('school_unit_code').notNull(),
		name: text('name').notNull(),
		/** AKTIV | VILANDE | UPPHORT | PLANERAD (the register's codes). */
		status: text('status').notNull(),
		/** Rödtråd's (SS 12000) school-type codes, mapped from the register's. */
		schoolTypes: text('school_types')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		addresses: jsonb('addresses').$type<RegisterAddress[]>().notNull().default([]),
		municipalityCode: text('municipality_code'),
		fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.organizerId, t.schoolUnitCode] })]
);

/**
 * A difference the daily check found between the register and the organizer's units, for an administrator to accept
 * or dismiss one by one. kind: new | closed | left | renamed | school_types. status: open | accepted | dismissed | outdated
 * (the register and the unit agree again before anyone decided). A dismissed difference is not raised again while
 * the register says the same (`fingerprint`).
 */
export const schoolRegisterDifferences = pgTable(
	'school_register_differences',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		kind: text('kind').notNull(),
		schoolUnitCode: text('school_unit_code').notNull(),
		unitId: uuid('unit_id').references(() => units.id),
		/** Ours before (empty for a new unit) and the register's. */
		current: jsonb('current').$type<RegisterDifferenceValues>().notNull().default({}),
		proposed: jsonb('proposed').$type<RegisterDifferenceValues>().notNull().default({}),
		/** kind + the register's value: the same difference found again has the same fingerprint. */
		fingerprint: text('fingerprint').notNull(),
		status: text('status').notNull().default('open'),
		decidedBy: uuid('decided_by').references(() => people.id),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('school_register_differences_org_idx').on(t.organizerId, t.status, t.createdAt),
		uniqueIndex('school_register_differences_open_idx')
			.on(t.organizerId, t.schoolUnitCode, t.kind)
			.where(sql`status = 'open'`)
	]
);
