import { check, date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, updatedAt } from './columns';
import { organizers, people, units } from './org';

/**
 * A key person's allotted time for their assignment at a unit (issue 15, item 8; decision 043): so many hours a week
 * in one chain, from a day and perhaps to a day. A person may have several (other units, or one period after another).
 * Set by the unit's principal, or organizer-wide by administrators and leadership.
 */
export const capacityAssignments = pgTable(
	'capacity_assignments',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		unitId: uuid('unit_id')
			.notNull()
			.references(() => units.id),
		/** technical | pedagogical: the key-person role the time is for. */
		chain: text('chain').notNull(),
		/** The allotment in minutes a week (the form takes hours, 0,25 at a time). */
		minutesPerWeek: integer('minutes_per_week').notNull(),
		validFrom: date('valid_from').notNull(),
		/** The last day it holds; null = until further notice. */
		validTo: date('valid_to'),
		note: text('note').notNull().default(''),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('capacity_assignments_organizer_idx').on(t.organizerId, t.personId),
		check('capacity_assignments_minutes', sql`${t.minutesPerWeek} > 0`),
		check('capacity_assignments_period', sql`${t.validTo} IS NULL OR ${t.validTo} >= ${t.validFrom}`)
	]
);
