import { and, desc, eq, gte, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { people, surveyInvitations, surveyPulseDecisions, surveySettings, ticketEvents, tickets } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { newToken, hashToken } from '../../auth/tokens';
import { sendMail } from '../../mail/send-mail';
import type { WorkingCalendar } from '../../support/sla';
import { workingCalendarFor } from '../../support/sla-refresh/working-calendar-for';
import { ensurePulseSurvey } from './ensure-pulse-survey';
import { PULSE_DEFAULTS } from './pulse-settings';
import { surveyInvitationMail } from './survey-mail';
import { addWorkingDays, monthOf } from './working-days';

const DAY = 86_400_000;
/** Cases closed longer ago than this are never pulsed (a server down for weeks, or pulses just switched on). */
export const PULSE_LOOKBACK_DAYS = 14;

export type PulseOutcome = 'sent' | 'capped' | 'merged' | 'withdrawn' | 'disabled' | 'inactive';

/**
 * The pulse after a closed case (the hourly survey-pulses job; tests pass a made-up `now`): every case closed within
 * the last PULSE_LOOKBACK_DAYS whose delay (working days of the organizer's calendar, its setting) has passed gets one decision, once:
 * a merged case, a case withdrawn because the device return that opened it was undone, an organizer with pulses off or an inactive requester gets none; a requester who was sent a pulse
 * within the organizer's cap (30 days by default) gets none; otherwise the requester gets a one-use link by mail
 * through the outbox. The decision row (ticket as key) makes the job idempotent, also with two workers. Audited
 * survey.pulse. Returns the outcomes.
 */
export async function sendPulses(db: Db, now: Date, opts: { organizerId?: string } = {}) {
	const candidates = await db
		.select({
			ticket: {
				id: tickets.id,
				organizerId: tickets.organizerId,
				number: tickets.number,
				unitId: tickets.unitId,
				closedAt: tickets.closedAt
			},
			mergedIntoId: tickets.mergedIntoId,
			requesterId: tickets.requesterId,
			settings: surveySettings
		})
		.from(tickets)
		.leftJoin(surveyPulseDecisions, eq(surveyPulseDecisions.ticketId, tickets.id))
		.leftJoin(surveySettings, eq(surveySettings.organizerId, tickets.organizerId))
		.where(
			and(
				eq(tickets.state, 'closed'),
				gte(tickets.closedAt, new Date(now.getTime() - PULSE_LOOKBACK_DAYS * DAY)),
				isNull(surveyPulseDecisions.ticketId),
				opts.organizerId ? eq(tickets.organizerId, opts.organizerId) : undefined
			)
		)
		.orderBy(tickets.closedAt);
	const outcomes: PulseOutcome[] = [];
	// The delay counts the organizer's working days (its calendar: holidays, closed days), read once per organizer.
	const calendars = new Map<string, Promise<WorkingCalendar>>();
	const calendarOf = (organizerId: string) => {
		if (!calendars.has(organizerId)) calendars.set(organizerId, workingCalendarFor(db, organizerId));
		return calendars.get(organizerId) as Promise<WorkingCalendar>;
	};
	for (const c of candidates) {
		const settings = c.settings ?? { ...PULSE_DEFAULTS, organizerId: c.ticket.organizerId };
		if (!c.ticket.closedAt) continue;
		if (addWorkingDays(c.ticket.closedAt, settings.pulseDelayDays, await calendarOf(c.ticket.organizerId)) > now) continue;
		const outcome = await db.transaction(async (tx) => decide(tx, { ...c, settings }, now));
		if (outcome) outcomes.push(outcome);
	}
	return { sent: outcomes.filter((o) => o === 'sent').length, outcomes };
}

type Candidate = {
	ticket: { id: string; organizerId: string; number: number; unitId: string };
	mergedIntoId: string | null;
	requesterId: string;
	settings: typeof PULSE_DEFAULTS;
};

async function decide(tx: Db, c: Candidate, now: Date): Promise<PulseOutcome | null> {
	const [person] = await tx
		.select({ name: people.name, email: people.email, status: people.status })
		.from(people)
		.where(eq(people.id, c.requesterId));
	const [last] = await tx
		.select({ decidedAt: surveyPulseDecisions.decidedAt })
		.from(surveyPulseDecisions)
		.where(and(eq(surveyPulseDecisions.personId, c.requesterId), eq(surveyPulseDecisions.outcome, 'sent')))
		.orderBy(desc(surveyPulseDecisions.decidedAt))
		.limit(1);
	// A case closed because the damaged return that opened it was undone (decision 071, addendum) was filed by mistake:
	// nobody was helped, so nobody is asked how it went.
	const [close] = c.mergedIntoId
		? []
		: await tx
				.select({ data: ticketEvents.data })
				.from(ticketEvents)
				.where(and(eq(ticketEvents.ticketId, c.ticket.id), eq(ticketEvents.kind, 'close')))
				.orderBy(desc(ticketEvents.createdAt))
				.limit(1);
	const withdrawn = typeof (close?.data as { undoneDeviceReturn?: unknown } | undefined)?.undoneDeviceReturn === 'string';
	const outcome: PulseOutcome = c.mergedIntoId
		? 'merged'
		: withdrawn
			? 'withdrawn'
			: !c.settings.pulseEnabled
				? 'disabled'
				: person?.status !== 'active'
					? 'inactive'
					: last && now.getTime() - last.decidedAt.getTime() < c.settings.pulseCapDays * DAY
						? 'capped'
						: 'sent';
	const [decided] = await tx
		.insert(surveyPulseDecisions)
		.values({ ticketId: c.ticket.id, organizerId: c.ticket.organizerId, personId: c.requesterId, outcome, decidedAt: now })
		.onConflictDoNothing()
		.returning({ ticketId: surveyPulseDecisions.ticketId });
	if (!decided) return null;
	let invitationId: string | null = null;
	if (outcome === 'sent') {
		const survey = await ensurePulseSurvey(tx, c.ticket.organizerId);
		const token = newToken();
		const [inv] = await tx
			.insert(surveyInvitations)
			.values({
				organizerId: c.ticket.organizerId,
				surveyId: survey.id,
				personId: c.requesterId,
				unitId: c.ticket.unitId,
				ticketId: c.ticket.id,
				tokenHash: hashToken(token),
				period: monthOf(now),
				sentAt: now
			})
			.returning({ id: surveyInvitations.id });
		invitationId = inv.id;
		const mail = surveyInvitationMail({
			name: person!.name,
			titleSv: survey.titleSv,
			titleEn: survey.titleEn,
			anonymous: true,
			token,
			pulseCase: c.ticket.number
		});
		await sendMail(tx, { organizerId: c.ticket.organizerId, to: person!.email, ...mail, sensitive: true });
	}
	await recordAudit(tx, {
		organizerId: c.ticket.organizerId,
		actorId: null,
		action: 'survey.pulse',
		entityType: 'ticket',
		entityId: c.ticket.id,
		changes: { outcome, invitationId }
	});
	return outcome;
}
