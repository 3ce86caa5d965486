import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { guidanceBookings, people, tickets } from '../../db/schema';
import { can, type Actor } from '../../policies';
import { shownNames } from '../../support/privacy/shown-names';
import { findOwnBooking, liveBookingsOf, loadSession, runsSession } from './queries';
import { loadSessionFacts } from './session-facts';

/**
 * One session for its page: the session, host and where; free seats; the actor's own booking; and who booked it (name,
 * note, case number) only for the host and organization administrators. What the actor may do now: book (a seat
 * is free, it has not begun, not their own, not cancelled), cancel their booking (before the start), give feedback
 * (after the end, once), cancel the session (host or administrator, before the end). NOT_FOUND for a malformed id,
 * another organizer's session, or an actor who does not see guidance.
 */
export async function getSession(db: Db, opts: { actor: Actor; organizerId: string; sessionId: string; now?: Date }) {
	const { actor, organizerId } = opts;
	const now = opts.now ?? new Date();
	const session = await loadSession(db, opts);
	const runs = runsSession(actor, session);
	const facts = await loadSessionFacts(db, session, actor);
	const own = await findOwnBooking(db, session.id, actor.personId);
	const live = await db
		.select({
			id: guidanceBookings.id,
			personId: people.id,
			name: people.name,
			protectedIdentity: people.protectedIdentity,
			note: guidanceBookings.note,
			caseNumber: tickets.number,
			feedbackScore: guidanceBookings.feedbackScore,
			feedbackComment: guidanceBookings.feedbackComment
		})
		.from(guidanceBookings)
		.innerJoin(people, eq(people.id, guidanceBookings.personId))
		.leftJoin(tickets, and(eq(tickets.id, guidanceBookings.ticketId), eq(tickets.organizerId, organizerId)))
		.where(liveBookingsOf(session.id))
		.orderBy(asc(guidanceBookings.createdAt));
	const names = runs
		? await shownNames(db, { actor, organizerId, people: live.map((b) => ({ ...b, id: b.personId })), via: 'guidance' })
		: new Map<string, string>();
	const open = !session.cancelledAt;
	const free = Math.max(0, session.seats - live.length);
	const ended = session.endsAt <= now;
	return {
		session,
		hostName: facts.mail.hostName,
		unitName: facts.unitName,
		where: facts.mail.where,
		free,
		booked: live.length,
		ownBooking: own,
		bookings: runs
			? live.map((b) => ({
					id: b.id,
					name: names.get(b.personId) ?? '',
					note: b.note,
					caseNumber: b.caseNumber,
					feedbackScore: b.feedbackScore,
					feedbackComment: b.feedbackComment
				}))
			: null,
		can: {
			book:
				open &&
				!own &&
				free > 0 &&
				session.startsAt > now &&
				session.hostId !== actor.personId &&
				can(actor, 'guidance.book', { type: 'knowledge', organizerId }),
			cancelBooking: open && !!own && session.startsAt > now,
			feedback: open && !!own && ended && !own.feedbackAt,
			cancelSession: open && runs && !ended,
			calendar: !!own || runs
		},
		ended
	};
}

export type SessionDetails = Awaited<ReturnType<typeof getSession>>;
