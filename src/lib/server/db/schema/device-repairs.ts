import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns';
import { organizers, people } from './org';
import { devices } from './devices';
import { supportTeams, tickets } from './support';

/**
 * A device sent for repair (issue 17, item 4): internally (no team) or to a supplier's support team, under warranty or
 * not, with the supplier's RMA number and the day it is expected back; when it comes back, what it cost and which
 * parts. `holder_id` is the person who had the device when it was sent, who gets it back on return. One open repair
 * per device (returned_at null).
 */
export const deviceRepairs = pgTable(
	'device_repairs',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		deviceId: uuid('device_id')
			.notNull()
			.references(() => devices.id),
		/** The case the repair came from, if any. */
		ticketId: uuid('ticket_id').references(() => tickets.id),
		/** The supplier's team (line 3) that repairs it; null for an internal repair. */
		supplierTeamId: uuid('supplier_team_id').references(() => supportTeams.id),
		warranty: boolean('warranty').notNull().default(false),
		rmaNumber: text('rma_number'),
		expectedBackOn: date('expected_back_on'),
		holderId: uuid('holder_id').references(() => people.id),
		/** The loaner handed to the holder in the same step, so they are not left without a device. */
		loanerDeviceId: uuid('loaner_device_id').references(() => devices.id),
		sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
		sentById: uuid('sent_by_id').references(() => people.id),
		returnedAt: timestamp('returned_at', { withTimezone: true }),
		returnedById: uuid('returned_by_id').references(() => people.id),
		/** What the repair cost the organizer, in whole kronor (0 under warranty). */
		cost: integer('cost'),
		parts: text('parts').notNull().default(''),
		note: text('note').notNull().default('')
	},
	(t) => [
		index('device_repairs_device_idx').on(t.deviceId, t.sentAt),
		index('device_repairs_open_idx').on(t.organizerId, t.returnedAt, t.sentAt),
		// The repairs of held devices, which the cost report reads for the days without (decision 073).
		index('device_repairs_held_idx')
			.on(t.organizerId)
			.where(sql`${t.holderId} IS NOT NULL`),
		uniqueIndex('device_repairs_one_open')
			.on(t.deviceId)
			.where(sql`${t.returnedAt} IS NULL`)
	]
);
