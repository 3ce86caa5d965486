import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { guidanceBookings, guidanceSessions } from '../../db/schema';
import { AppError } from '../../errors';
import { isUuid } from '../../ids';
import { can, type Actor } from '../../policies';
import { isOrgAdmin } from '../../policies/actor';

export type SessionRow = typeof guidanceSessions.$inferSelect;
export type BookingRow = typeof guidanceBookings.$inferSelect;

const knowledge = (organizerId: string) => ({ type: 'knowledge' as const, organizerId });

/** Whether the actor sees the organizer's guidance sessions: everyone who may book (hosts may too). */
export const seesGuidance = (actor: Actor, organizerId: string) =>
	can(actor, 'guidance.book', knowledge(organizerId)) || can(actor, 'guidance.host', knowledge(organizerId));

/** Whether the actor runs this session: its host, or an organization administrator (who may step in). */
export const runsSession = (actor: Actor, session: Pick<SessionRow, 'hostId' | 'organizerId'>) =>
	session.hostId === actor.personId || isOrgAdmin(actor, session.organizerId);

/** Live bookings of a session: not cancelled. */
export const liveBookingsOf = (sessionId: string) => and(eq(guidanceBookings.sessionId, sessionId), isNull(guidanceBookings.cancelledAt));

/** How many seats of the session are taken, as SQL (for the lists). */
export const bookedCount = sql<number>`(select count(*)::int from ${guidanceBookings} b where b.session_id = ${guidanceSessions.id} and b.cancelled_at is null)`;

/**
 * One of the organizer's sessions by id, or NOT_FOUND (a malformed id, another organizer's session, or one the actor
 * may not see). `lock` for a write. No other authorization here: callers check the right that fits what they do.
 */
export async function loadSession(db: Db, opts: { actor: Actor; organizerId: string; sessionId: string; lock?: boolean }) {
	if (!isUuid(opts.sessionId) || !seesGuidance(opts.actor, opts.organizerId)) throw new AppError('NOT_FOUND', 'guidance session');
	const q = db
		.select()
		.from(guidanceSessions)
		.where(and(eq(guidanceSessions.id, opts.sessionId), eq(guidanceSessions.organizerId, opts.organizerId)));
	const [row] = opts.lock ? await q.for('update') : await q;
	if (!row) throw new AppError('NOT_FOUND', 'guidance session');
	return row;
}

/** The actor's live booking of the session, or null. */
export async function findOwnBooking(db: Db, sessionId: string, personId: string, lock = false) {
	const q = db
		.select()
		.from(guidanceBookings)
		.where(and(liveBookingsOf(sessionId), eq(guidanceBookings.personId, personId)));
	const [row] = lock ? await q.for('update') : await q;
	return row ?? null;
}
