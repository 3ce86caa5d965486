import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { guidanceBookings, guidanceSessions, people } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, conflict } from '../../errors';
import { sendMail } from '../../mail/send-mail';
import { authorize, type Actor } from '../../policies';
import { cancelledMail } from './guidance-mail';
import { liveBookingsOf, loadSession, runsSession } from './queries';
import { loadSessionFacts } from './session-facts';

/**
 * Cancels a session that has not ended: its host, or an organization administrator (FORBIDDEN for others who see
 * it). Each person who booked it is told by mail (queued in the same transaction; call deliverOutboxLater after);
 * their bookings stay, so they can see what was cancelled. CONFLICT when it is already cancelled or over. Audited.
 * Returns how many were told.
 */
export async function cancelSession(db: Db, opts: { actor: Actor; organizerId: string; sessionId: string; now?: Date }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'guidance.host', { type: 'knowledge', organizerId });
	const now = opts.now ?? new Date();
	return db.transaction(async (tx) => {
		const session = await loadSession(tx, { actor, organizerId, sessionId: opts.sessionId, lock: true });
		if (!runsSession(actor, session)) throw new AppError('FORBIDDEN', 'Not allowed: cancel guidance session');
		if (session.cancelledAt) throw conflict('form', 'guidance_error_cancelled');
		if (session.endsAt <= now) throw conflict('form', 'guidance_error_over');
		await tx.update(guidanceSessions).set({ cancelledAt: now, updatedAt: now }).where(eq(guidanceSessions.id, session.id));
		const booked = await tx
			.select({ email: people.email })
			.from(guidanceBookings)
			.innerJoin(people, eq(people.id, guidanceBookings.personId))
			.where(and(liveBookingsOf(session.id), inArray(people.status, ['active'])));
		const facts = await loadSessionFacts(tx, session, null);
		const mail = cancelledMail(facts.slug, facts.mail);
		const addresses = [...new Set(booked.map((b) => b.email))];
		for (const to of addresses) await sendMail(tx, { organizerId, to, ...mail });
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'guidance_session.cancel',
			entityType: 'guidance_session',
			entityId: session.id,
			changes: { cancelledAt: [null, now.toISOString()], mailed: [null, addresses.length] }
		});
		return addresses.length;
	});
}
