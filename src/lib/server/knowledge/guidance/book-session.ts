import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db';
import { guidanceBookings, people } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { conflict, parseOrThrow } from '../../errors';
import { sendMail } from '../../mail/send-mail';
import { authorize, type Actor } from '../../policies';
import { shownNamesById } from '../../support/privacy/shown-names';
import { findVisibleCase } from './find-visible-case';
import { bookerMail, hostMail } from './guidance-mail';
import { findOwnBooking, liveBookingsOf, loadSession } from './queries';
import { loadSessionFacts } from './session-facts';
import { isUniqueViolation } from '../../db/pg-errors';

const bookingSchema = z.object({ note: z.string().trim().max(2000, 'error_too_long').default('') });

/**
 * Books a seat in a session for the actor (guidance.book), with a note of what they need help with and, when the
 * booking starts from a case the actor sees, that case. Refused with a message (CONFLICT, field `form`) when the
 * session is cancelled, has begun, is the actor's own, is already booked by the actor, or is full. The session row is
 * locked while the seats are counted, so two people cannot both take the last seat. The booker and the host each
 * get a mail with the links to the session and its iCal file (queued in the same transaction; call
 * deliverOutboxLater after). Audited.
 */
export async function bookSession(
	db: Db,
	opts: { actor: Actor; organizerId: string; sessionId: string; input: { note?: unknown }; caseNumber?: unknown; now?: Date }
) {
	const { actor, organizerId } = opts;
	authorize(actor, 'guidance.book', { type: 'knowledge', organizerId });
	const { note } = parseOrThrow(bookingSchema, opts.input);
	const now = opts.now ?? new Date();
	const ticket = opts.caseNumber ? await findVisibleCase(db, { actor, organizerId, number: opts.caseNumber }) : null;
	try {
		return await db.transaction(async (tx) => {
			const session = await loadSession(tx, { actor, organizerId, sessionId: opts.sessionId, lock: true });
			if (session.cancelledAt) throw conflict('form', 'guidance_error_cancelled');
			if (session.startsAt <= now) throw conflict('form', 'guidance_error_started');
			if (session.hostId === actor.personId) throw conflict('form', 'guidance_error_own');
			if (await findOwnBooking(tx, session.id, actor.personId)) throw conflict('form', 'guidance_error_double');
			const taken = (await tx.select({ id: guidanceBookings.id }).from(guidanceBookings).where(liveBookingsOf(session.id))).length;
			if (taken >= session.seats) throw conflict('form', 'guidance_error_full');
			const [booking] = await tx
				.insert(guidanceBookings)
				.values({ sessionId: session.id, personId: actor.personId, ticketId: ticket?.id ?? null, note })
				.returning();
			const facts = await loadSessionFacts(tx, session, null);
			const mailNames = await shownNamesById(tx, { actor: null, organizerId, personIds: [actor.personId], via: 'guidance' });
			const addresses = await tx
				.select({ id: people.id, email: people.email })
				.from(people)
				.where(and(inArray(people.id, [actor.personId, session.hostId]), eq(people.status, 'active')))
				.then((rows) => new Map(rows.map((r) => [r.id, r.email])));
			const bookerAddress = addresses.get(actor.personId);
			const hostAddress = addresses.get(session.hostId);
			if (bookerAddress) await sendMail(tx, { organizerId, to: bookerAddress, ...bookerMail(facts.slug, facts.mail) });
			if (hostAddress)
				await sendMail(tx, {
					organizerId,
					to: hostAddress,
					...hostMail(facts.slug, facts.mail, {
						name: mailNames.get(actor.personId) ?? actor.name,
						note,
						caseNumber: ticket?.number ?? null
					})
				});
			await recordAudit(tx, {
				organizerId,
				actorId: actor.personId,
				action: 'guidance_booking.create',
				entityType: 'guidance_booking',
				entityId: booking.id,
				changes: { sessionId: [null, session.id], ticketId: [null, booking.ticketId] }
			});
			return booking;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw conflict('form', 'guidance_error_double');
		throw e;
	}
}
