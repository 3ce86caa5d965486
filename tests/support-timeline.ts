/**
 * Moving a case's timeline in time, for db tests of clocks, reminders and auto-close: events are stamped by
 * the database when written, so a test writes them first and then sets the instants it wants.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../src/lib/server/db';
import { ticketEvents, tickets } from '../src/lib/server/db/schema';

/** Stockholm wall-clock time, e.g. stockholm('2025-12-23 10:00') (winter time, +01:00, unless summer is given). */
export function stockholm(local: string, summer = false): Date {
	return new Date(`${local.replace(' ', 'T')}:00${summer ? '+02:00' : '+01:00'}`);
}

/** Sets the time stamps of a case's events, oldest first, to `times` (events beyond the list keep theirs). */
export async function setEventTimes(db: Db, ticketId: string, times: Date[]): Promise<void> {
	const events = await db
		.select({ id: ticketEvents.id })
		.from(ticketEvents)
		.where(eq(ticketEvents.ticketId, ticketId))
		.orderBy(asc(ticketEvents.id));
	for (let i = 0; i < Math.min(times.length, events.length); i++) {
		await db.update(ticketEvents).set({ createdAt: times[i] }).where(eq(ticketEvents.id, events[i].id));
	}
}

/** The case as stored now, after setting the columns in `patch` (none: just read it). */
export async function patchTicket(db: Db, ticketId: string, patch: Partial<typeof tickets.$inferInsert> = {}) {
	if (Object.keys(patch).length > 0) await db.update(tickets).set(patch).where(eq(tickets.id, ticketId));
	const [row] = await db.select().from(tickets).where(eq(tickets.id, ticketId));
	return row;
}
