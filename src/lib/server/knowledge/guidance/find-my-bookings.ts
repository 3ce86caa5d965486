import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { guidanceBookings, guidanceSessions } from '../../db/schema';
import { AppError } from '../../errors';
import type { Actor } from '../../policies';
import { seesGuidance } from './queries';

/** How long after a session the list still asks for feedback. */
const FEEDBACK_DAYS = 30;

/**
 * The actor's live bookings at the organizer: those still to come (cancelled sessions too, marked, so the person
 * sees what fell through), and those ended within FEEDBACK_DAYS that still wait for the one-question feedback.
 */
export async function findMyBookings(db: Db, opts: { actor: Actor; organizerId: string; now?: Date }) {
	const { actor, organizerId } = opts;
	if (!seesGuidance(actor, organizerId)) throw new AppError('FORBIDDEN', 'Not allowed: guidance');
	const now = opts.now ?? new Date();
	const rows = await db
		.select({
			id: guidanceSessions.id,
			title: guidanceSessions.title,
			kind: guidanceSessions.kind,
			startsAt: guidanceSessions.startsAt,
			endsAt: guidanceSessions.endsAt,
			cancelledAt: guidanceSessions.cancelledAt,
			feedbackAt: guidanceBookings.feedbackAt
		})
		.from(guidanceBookings)
		.innerJoin(guidanceSessions, eq(guidanceSessions.id, guidanceBookings.sessionId))
		.where(
			and(
				eq(guidanceBookings.personId, actor.personId),
				isNull(guidanceBookings.cancelledAt),
				eq(guidanceSessions.organizerId, organizerId)
			)
		)
		.orderBy(asc(guidanceSessions.startsAt));
	const since = now.getTime() - FEEDBACK_DAYS * 86_400_000;
	const present = (r: (typeof rows)[number]) => ({
		id: r.id,
		title: r.title,
		kind: r.kind,
		startsAt: r.startsAt,
		endsAt: r.endsAt,
		cancelled: !!r.cancelledAt
	});
	return {
		upcoming: rows.filter((r) => r.endsAt > now).map(present),
		awaitingFeedback: rows
			.filter((r) => r.endsAt <= now && r.endsAt.getTime() >= since && !r.cancelledAt && !r.feedbackAt)
			.reverse()
			.map(present)
	};
}
