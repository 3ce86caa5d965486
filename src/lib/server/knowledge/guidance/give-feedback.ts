import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db';
import { guidanceBookings } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { conflict, parseOrThrow } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { findOwnBooking, loadSession } from './queries';

const feedbackSchema = z.object({
	score: z
		.string({ error: 'guidance_error_score' })
		.trim()
		.refine((v) => /^[1-5]$/.test(v), 'guidance_error_score')
		.transform(Number),
	comment: z.string().trim().max(2000, 'error_too_long').default('')
});

/**
 * The one question after a session: how well it helped (1–5) and an optional comment, from the person who booked
 * it, once the session has ended, once. CONFLICT with a message when there is no booking, the session is
 * cancelled or not over yet, or feedback is already given. Audited (the score, not the comment).
 */
export async function giveFeedback(
	db: Db,
	opts: { actor: Actor; organizerId: string; sessionId: string; input: { score?: unknown; comment?: unknown }; now?: Date }
) {
	const { actor, organizerId } = opts;
	authorize(actor, 'guidance.book', { type: 'knowledge', organizerId });
	const input = parseOrThrow(feedbackSchema, opts.input);
	const now = opts.now ?? new Date();
	return db.transaction(async (tx) => {
		const session = await loadSession(tx, { actor, organizerId, sessionId: opts.sessionId });
		const booking = await findOwnBooking(tx, session.id, actor.personId, true);
		if (!booking) throw conflict('form', 'guidance_error_no_booking');
		if (session.cancelledAt) throw conflict('form', 'guidance_error_cancelled');
		if (session.endsAt > now) throw conflict('form', 'guidance_error_feedback_early');
		const [done] = await tx
			.update(guidanceBookings)
			.set({ feedbackScore: input.score, feedbackComment: input.comment || null, feedbackAt: now })
			.where(and(eq(guidanceBookings.id, booking.id), isNull(guidanceBookings.feedbackAt)))
			.returning({ id: guidanceBookings.id });
		if (!done) throw conflict('form', 'guidance_error_feedback_given');
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'guidance_booking.feedback',
			entityType: 'guidance_booking',
			entityId: booking.id,
			changes: { feedbackScore: [null, input.score] }
		});
		return done.id;
	});
}
