import { and, asc, eq, gt, isNotNull, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { organizers, tickets } from '../../db/schema';
import { parseSupportSettings } from '../settings';
import type { WorkingCalendar } from '../sla';
import { workingCalendarFor } from '../sla-refresh/working-calendar-for';
import { closeSolvedTicket } from './close-solved-ticket';
import { remindOrCloseTicket } from './remind-or-close-ticket';

const DAY_MS = 86_400_000;
/** Slack for daylight saving time in the calendar-day lower bounds below. */
const MARGIN_MS = 2 * 3_600_000;

/** N working days take more than N − 1 calendar days: the latest start that can possibly be due at `now`. */
const possiblyDue = (now: Date, workingDays: number) => new Date(now.getTime() - (workingDays - 1) * DAY_MS + MARGIN_MS);

/** Calls `each` for the ids of the organizer's cases matching `where`, in id order, a batch at a time. */
async function forEachCase(db: Db, organizerId: string, where: SQL | undefined, batchSize: number, each: (id: string) => Promise<void>) {
	let after: string | null = null;
	for (;;) {
		const batch: { id: string }[] = await db
			.select({ id: tickets.id })
			.from(tickets)
			.where(and(eq(tickets.organizerId, organizerId), where, after ? gt(tickets.id, after) : undefined))
			.orderBy(asc(tickets.id))
			.limit(batchSize);
		for (const { id } of batch) await each(id);
		if (batch.length < batchSize) break;
		after = batch[batch.length - 1].id;
	}
}

/**
 * Reminders, auto-close of cases waiting on the requester, and auto-close of solved cases, for every organizer
 * at `now` (what the housekeeping job runs; tests call it with a made-up `now`). Per organizer one indexed
 * selection of cases that may be due, in batches, then each case is decided exactly on the organizer's calendar
 * in its own transaction. Idempotent.
 */
export async function runSupportHousekeeping(
	db: Db,
	now: Date,
	opts: { batchSize?: number } = {}
): Promise<{ reminded: number; closed: number; closedSolved: number }> {
	const batchSize = opts.batchSize ?? 500;
	const result = { reminded: 0, closed: 0, closedSolved: 0 };
	const orgs = await db.select({ id: organizers.id, settings: organizers.settings }).from(organizers);
	for (const org of orgs) {
		const settings = parseSupportSettings(org.settings?.support);
		let loaded: WorkingCalendar | undefined;
		const calendar = async () => (loaded ??= await workingCalendarFor(db, org.id));
		const waiting = and(
			eq(tickets.state, 'waiting_requester'),
			isNotNull(tickets.waitingSince),
			lte(tickets.waitingSince, possiblyDue(now, settings.reminderDays))
		);
		await forEachCase(db, org.id, waiting, batchSize, async (id) => {
			const step = await remindOrCloseTicket(db, { ticketId: id, organizerId: org.id, now, calendar: await calendar(), settings });
			if (step === 'reminded') result.reminded++;
			if (step === 'closed') result.closed++;
		});
		if (settings.closeSolvedDays <= 0) continue;
		const solved = and(
			eq(tickets.state, 'solved'),
			isNotNull(tickets.solvedAt),
			lte(tickets.solvedAt, possiblyDue(now, settings.closeSolvedDays))
		);
		await forEachCase(db, org.id, solved, batchSize, async (id) => {
			if (await closeSolvedTicket(db, { ticketId: id, organizerId: org.id, now, calendar: await calendar(), settings }))
				result.closedSolved++;
		});
	}
	return result;
}
