import { and, eq, gte, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { guidanceBookings, guidanceSessions, qaAnswers, qaQuestions, ticketEvents, tickets } from '../db/schema';
import { ANSWER_ESTIMATE_MINUTES, CASE_ESTIMATE_MINUTES, TIMED_KINDS, mondayOfInstant, startOfDay } from './capacity-rules';

/** What one person did in one chain in one week, and what it took. */
export type WeekSpent = {
	personId: string;
	chain: string;
	/** The week's Monday. */
	weekStart: string;
	/** Written down: minutes typed on case steps, and the booked length of guidance held. */
	recordedMinutes: number;
	/** Standard estimates: cases with no time typed, and answers to colleague questions. */
	estimatedMinutes: number;
	/** Cases the person wrote in that week; how many of them had no time typed (estimated). */
	cases: number;
	casesEstimated: number;
	/** Guidance sessions and drop-ins held. */
	sessions: number;
	/** Answers to colleague questions. */
	answers: number;
};

/**
 * The time key people's work took, per person, chain and week (decision 043), from three sources:
 * - cases: each case the person replied in, noted in or solved in a week counts the minutes they typed on those
 *   steps, or CASE_ESTIMATE_MINUTES when they typed none (once per case and week, however many steps);
 * - guidance: a session the person hosted that has ended and was not cancelled counts its booked length, a 1–1 time
 *   only when someone had a seat (a drop-in always);
 * - colleague questions: each answer counts ANSWER_ESTIMATE_MINUTES.
 * The chain is the case's, the session's or the question's. `from` and `to` are Mondays; `to` is not included.
 * Internal to the capacity domain: callers authorize first (findCapacity does).
 */
export async function countTimeSpent(
	db: Db,
	opts: { organizerId: string; personIds: string[]; from: string; to: string; now?: Date }
): Promise<WeekSpent[]> {
	if (opts.personIds.length === 0) return [];
	const now = opts.now ?? new Date();
	const from = startOfDay(opts.from);
	const to = new Date(Math.min(startOfDay(opts.to).getTime(), now.getTime()));
	const out = new Map<string, WeekSpent>();
	const bucket = (personId: string, chain: string, at: Date) => {
		const weekStart = mondayOfInstant(at);
		const key = `${personId}|${chain}|${weekStart}`;
		let w = out.get(key);
		if (!w) {
			w = { personId, chain, weekStart, recordedMinutes: 0, estimatedMinutes: 0, cases: 0, casesEstimated: 0, sessions: 0, answers: 0 };
			out.set(key, w);
		}
		return w;
	};

	const steps = await db
		.select({
			personId: ticketEvents.actorId,
			ticketId: ticketEvents.ticketId,
			chain: tickets.chain,
			at: ticketEvents.createdAt,
			minutes: ticketEvents.minutesSpent
		})
		.from(ticketEvents)
		.innerJoin(tickets, eq(tickets.id, ticketEvents.ticketId))
		.where(
			and(
				eq(ticketEvents.organizerId, opts.organizerId),
				inArray(ticketEvents.actorId, opts.personIds),
				eq(ticketEvents.by, 'handler'),
				inArray(ticketEvents.kind, [...TIMED_KINDS]),
				gte(ticketEvents.createdAt, from),
				lt(ticketEvents.createdAt, to)
			)
		);
	/** Per case and week: the minutes typed (null while none). */
	const perCase = new Map<string, { week: WeekSpent; minutes: number | null }>();
	for (const s of steps) {
		const week = bucket(s.personId!, s.chain, s.at);
		const key = `${s.personId}|${s.ticketId}|${week.weekStart}`;
		const c = perCase.get(key) ?? { week, minutes: null };
		if (s.minutes !== null) c.minutes = (c.minutes ?? 0) + s.minutes;
		perCase.set(key, c);
	}
	for (const { week, minutes } of perCase.values()) {
		week.cases++;
		if (minutes === null) {
			week.casesEstimated++;
			week.estimatedMinutes += CASE_ESTIMATE_MINUTES;
		} else week.recordedMinutes += minutes;
	}

	// Qualified by hand: in a one-table select Drizzle writes a column without its table, which here would mean b.id.
	const booked = sql<boolean>`exists (select 1 from ${guidanceBookings} b where b.session_id = guidance_sessions.id and b.cancelled_at is null)`;
	const sessions = await db
		.select({
			personId: guidanceSessions.hostId,
			chain: guidanceSessions.chain,
			kind: guidanceSessions.kind,
			startsAt: guidanceSessions.startsAt,
			endsAt: guidanceSessions.endsAt,
			booked
		})
		.from(guidanceSessions)
		.where(
			and(
				eq(guidanceSessions.organizerId, opts.organizerId),
				inArray(guidanceSessions.hostId, opts.personIds),
				isNull(guidanceSessions.cancelledAt),
				gte(guidanceSessions.startsAt, from),
				lt(guidanceSessions.startsAt, to),
				lte(guidanceSessions.endsAt, now)
			)
		);
	for (const s of sessions) {
		if (s.kind === 'one_to_one' && !s.booked) continue;
		const week = bucket(s.personId, s.chain, s.startsAt);
		week.sessions++;
		week.recordedMinutes += Math.max(0, Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000));
	}

	const answers = await db
		.select({ personId: qaAnswers.personId, chain: qaQuestions.chain, at: qaAnswers.createdAt })
		.from(qaAnswers)
		.innerJoin(qaQuestions, eq(qaQuestions.id, qaAnswers.questionId))
		.where(
			and(
				eq(qaQuestions.organizerId, opts.organizerId),
				inArray(qaAnswers.personId, opts.personIds),
				gte(qaAnswers.createdAt, from),
				lt(qaAnswers.createdAt, to)
			)
		);
	for (const a of answers) {
		const week = bucket(a.personId, a.chain, a.at);
		week.answers++;
		week.estimatedMinutes += ANSWER_ESTIMATE_MINUTES;
	}
	return [...out.values()].sort((a, b) => (a.weekStart < b.weekStart ? -1 : a.weekStart > b.weekStart ? 1 : 0));
}
