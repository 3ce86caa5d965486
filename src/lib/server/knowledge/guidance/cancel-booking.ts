import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { guidanceBookings, people } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { conflict } from '../../errors';
import { sendMail } from '../../mail/send-mail';
import { authorize, type Actor } from '../../policies';
import { shownNamesById } from '../../support/privacy/shown-names';
import { unbookedMail } from './guidance-mail';
import { findOwnBooking, loadSession } from './queries';
import { loadSessionFacts } from './session-facts';

/**
 * Cancels the actor's own booking of a session, before the session starts (CONFLICT after, or when there is no
 * booking to cancel). The seat is free again; the host is told by mail. Audited.
 */
export async function cancelBooking(db: Db, opts: { actor: Actor; organizerId: string; sessionId: string; now?: Date }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'guidance.book', { type: 'knowledge', organizerId });
	const now = opts.now ?? new Date();
	return db.transaction(async (tx) => {
		const session = await loadSession(tx, { actor, organizerId, sessionId: opts.sessionId, lock: true });
		const booking = await findOwnBooking(tx, session.id, actor.personId, true);
		if (!booking) throw conflict('form', 'guidance_error_no_booking');
		if (session.startsAt <= now) throw conflict('form', 'guidance_error_cancel_started');
		await tx.update(guidanceBookings).set({ cancelledAt: now }).where(eq(guidanceBookings.id, booking.id));
		if (!session.cancelledAt) {
			const facts = await loadSessionFacts(tx, session, null);
			const names = await shownNamesById(tx, { actor: null, organizerId, personIds: [actor.personId], via: 'guidance' });
			const [host] = await tx
				.select({ email: people.email })
				.from(people)
				.where(and(inArray(people.id, [session.hostId]), eq(people.status, 'active')));
			if (host)
				await sendMail(tx, {
					organizerId,
					to: host.email,
					...unbookedMail(facts.slug, facts.mail, names.get(actor.personId) ?? actor.name)
				});
		}
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'guidance_booking.cancel',
			entityType: 'guidance_booking',
			entityId: booking.id,
			changes: { cancelledAt: [null, now.toISOString()] }
		});
		return booking.id;
	});
}
