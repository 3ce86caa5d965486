import { integer, pgTable, text, uniqueIndex, uuid, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { updatedAt } from './columns';
import { organizers, people, units } from './org';

/** Where a unit's size came from: typed on the sizes page, a CSV file, or counted from SS 12000 duties. */
export const UNIT_SIZE_SOURCES = ['manual', 'csv', 'ss12000'] as const;
export type UnitSizeSource = (typeof UNIT_SIZE_SOURCES)[number];

/**
 * Students and staff of one unit in one school year (issue 20, item 2): what the operational follow-up divides by to
 * give figures per 100 students or per 100 staff. A missing row means "size not entered", never zero.
 */
export const unitSizes = pgTable(
	'unit_sizes',
	{
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		unitId: uuid('unit_id')
			.notNull()
			.references(() => units.id),
		/** The school year as "2025/26" (support/followup/school-years.ts). */
		schoolYear: text('school_year').notNull(),
		/** Null: not known (a unit may have staff counted but no students entered). */
		students: integer('students'),
		staff: integer('staff'),
		source: text('source').$type<UnitSizeSource>().notNull().default('manual'),
		updatedBy: uuid('updated_by').references(() => people.id),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex('unit_sizes_unit_year_idx').on(t.organizerId, t.unitId, t.schoolYear),
		check('unit_sizes_not_negative', sql`coalesce(${t.students}, 0) >= 0 AND coalesce(${t.staff}, 0) >= 0`)
	]
);
