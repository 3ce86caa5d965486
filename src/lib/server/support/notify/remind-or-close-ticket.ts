import { and, desc, eq, gte } from 'drizzle-orm';
import type { Db } from '../../db';
import { ticketEvents, tickets } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { addWorkingMinutes, parseClock, type WorkingCalendar } from '../sla';
import type { SupportSettings } from '../settings';
import { appendTicketEvent } from '../tickets/append-event';

/** `days` working days of working time after `from` on the calendar (a working day = its opening hours). */
export function workingDaysAfter(cal: WorkingCalendar, from: Date, days: number): Date {
	const dayMinutes = parseClock(cal.workdayEnd) - parseClock(cal.workdayStart);
	return addWorkingMinutes(cal, from, days * dayMinutes);
}

export type HousekeepingStep = 'reminded' | 'closed' | null;

/**
 * One case's housekeeping at `now`, in its own transaction with the case locked: a case that has waited on
 * the requester for `reminderDays` working days gets one reminder for this wait (a public system event,
 * which mails the requester); `autoCloseDays` working days after that reminder it is closed (`auto_close`).
 * Checks everything again under the lock, so running twice, late, or on two nodes at once does each step
 * once. The reminder stores the `now` it was sent at, which the close is counted from.
 */
export async function remindOrCloseTicket(
	db: Db,
	opts: { ticketId: string; organizerId: string; now: Date; calendar: WorkingCalendar; settings: SupportSettings }
): Promise<HousekeepingStep> {
	const { now, calendar: cal, settings } = opts;
	return db.transaction(async (tx) => {
		const [ticket] = await tx
			.select()
			.from(tickets)
			.where(and(eq(tickets.id, opts.ticketId), eq(tickets.organizerId, opts.organizerId)))
			.for('update');
		if (!ticket || ticket.state !== 'waiting_requester' || !ticket.waitingSince) return null;
		if (now < workingDaysAfter(cal, ticket.waitingSince, settings.reminderDays)) return null;
		const [reminder] = await tx
			.select({ createdAt: ticketEvents.createdAt, data: ticketEvents.data })
			.from(ticketEvents)
			.where(and(eq(ticketEvents.ticketId, ticket.id), eq(ticketEvents.kind, 'reminder'), gte(ticketEvents.createdAt, ticket.waitingSince)))
			.orderBy(desc(ticketEvents.id))
			.limit(1);
		const audit = { organizerId: ticket.organizerId, actorId: null, entityType: 'ticket', entityId: ticket.id };
		if (!reminder) {
			const data = { waitingSince: ticket.waitingSince.toISOString(), remindedAt: now.toISOString() };
			await appendTicketEvent(tx, ticket, { actorId: null, by: 'system', kind: 'reminder', public: true, data });
			await recordAudit(tx, { ...audit, action: 'ticket.remind', changes: data });
			return 'reminded';
		}
		const stamp = typeof reminder.data.remindedAt === 'string' ? new Date(reminder.data.remindedAt) : reminder.createdAt;
		const remindedAt = Number.isNaN(stamp.getTime()) ? reminder.createdAt : stamp;
		if (now < workingDaysAfter(cal, remindedAt, settings.autoCloseDays)) return null;
		await appendTicketEvent(tx, ticket, {
			actorId: null,
			by: 'system',
			kind: 'auto_close',
			public: true,
			stateTo: 'closed',
			data: { remindedAt: remindedAt.toISOString(), reopenDays: settings.reopenDays }
		});
		await recordAudit(tx, { ...audit, action: 'ticket.auto_close', changes: { state: [ticket.state, 'closed'] } });
		return 'closed';
	});
}
