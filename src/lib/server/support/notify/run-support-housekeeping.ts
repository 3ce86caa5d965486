import { and, asc, eq, gt, isNotNull, lte } from 'drizzle-orm';
import type { Db } from '../../db';
import { organizers, tickets } from '../../db/schema';
import { parseSupportSettings } from '../settings';
import { workingCalendarFor } from '../sla-refresh/working-calendar-for';
import { remindOrCloseTicket } from './remind-or-close-ticket';

const DAY_MS = 86_400_000;
/** Slack for daylight saving time in the calendar-day lower bound below. */
const MARGIN_MS = 2 * 3_600_000;

/**
 * Reminders and auto-close for every organizer at `now` (what the housekeeping job runs; tests call it with
 * a made-up `now`). Per organizer one indexed selection of cases waiting on the requester long enough to
 * possibly be due — N working days take more than N − 1 calendar days — in batches, then each case is
 * decided exactly on the organizer's calendar in its own transaction. Idempotent.
 */
export async function runSupportHousekeeping(
	db: Db,
	now: Date,
	opts: { batchSize?: number } = {}
): Promise<{ reminded: number; closed: number }> {
	const batchSize = opts.batchSize ?? 500;
	const result = { reminded: 0, closed: 0 };
	const orgs = await db.select({ id: organizers.id, settings: organizers.settings }).from(organizers);
	for (const org of orgs) {
		const settings = parseSupportSettings(org.settings?.support);
		const latest = new Date(now.getTime() - (settings.reminderDays - 1) * DAY_MS + MARGIN_MS);
		let calendar: Awaited<ReturnType<typeof workingCalendarFor>> | undefined;
		let after: string | null = null;
		for (;;) {
			const batch: { id: string }[] = await db
				.select({ id: tickets.id })
				.from(tickets)
				.where(
					and(
						eq(tickets.organizerId, org.id),
						eq(tickets.state, 'waiting_requester'),
						isNotNull(tickets.waitingSince),
						lte(tickets.waitingSince, latest),
						after ? gt(tickets.id, after) : undefined
					)
				)
				.orderBy(asc(tickets.id))
				.limit(batchSize);
			if (batch.length === 0) break;
			calendar ??= await workingCalendarFor(db, org.id);
			for (const { id } of batch) {
				const step = await remindOrCloseTicket(db, { ticketId: id, organizerId: org.id, now, calendar, settings });
				if (step === 'reminded') result.reminded++;
				if (step === 'closed') result.closed++;
			}
			if (batch.length < batchSize) break;
			after = batch[batch.length - 1].id;
		}
	}
	return result;
}
