import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { guidanceBookings, guidanceSessions, units } from '../../db/schema';
import { AppError } from '../../errors';
import type { GuidanceKind } from '../../db/schema/guidance';
import type { Actor } from '../../policies';
import { shownNamesById } from '../../support/privacy/shown-names';
import { bookedCount, seesGuidance } from './queries';
import { whereText } from './session-facts';
import type { GuidanceChain } from './session-input';

/** At most this many sessions in the list. */
const LIMIT = 200;

/**
 * The organizer's upcoming sessions (not ended, not cancelled), soonest first, for those who see guidance: each with
 * its host (as the actor may see the name), where, free seats and whether the actor has booked it. Filters: chain,
 * kind, and only those with a free seat.
 */
export async function findSessions(
	db: Db,
	opts: { actor: Actor; organizerId: string; chain?: GuidanceChain | null; kind?: GuidanceKind | null; freeOnly?: boolean; now?: Date }
) {
	const { actor, organizerId } = opts;
	if (!seesGuidance(actor, organizerId)) throw new AppError('FORBIDDEN', 'Not allowed: guidance');
	const now = opts.now ?? new Date();
	const mine = sql<boolean>`exists (select 1 from ${guidanceBookings} b where b.session_id = ${guidanceSessions.id} and b.person_id = ${actor.personId} and b.cancelled_at is null)`;
	const rows = await db
		.select({ session: guidanceSessions, unitName: units.name, booked: bookedCount, mine })
		.from(guidanceSessions)
		.leftJoin(units, eq(units.id, guidanceSessions.unitId))
		.where(
			and(
				eq(guidanceSessions.organizerId, organizerId),
				isNull(guidanceSessions.cancelledAt),
				gt(guidanceSessions.endsAt, now),
				opts.chain ? eq(guidanceSessions.chain, opts.chain) : undefined,
				opts.kind ? eq(guidanceSessions.kind, opts.kind) : undefined,
				opts.freeOnly ? sql`${bookedCount} < ${guidanceSessions.seats}` : undefined
			)
		)
		.orderBy(asc(guidanceSessions.startsAt), asc(guidanceSessions.id))
		.limit(LIMIT);
	const names = await shownNamesById(db, { actor, organizerId, personIds: rows.map((r) => r.session.hostId), via: 'guidance' });
	return rows.map((r) => ({
		id: r.session.id,
		kind: r.session.kind,
		chain: r.session.chain,
		title: r.session.title,
		startsAt: r.session.startsAt,
		endsAt: r.session.endsAt,
		where: whereText(r.session, r.unitName),
		online: !!r.session.meetingUrl,
		hostName: names.get(r.session.hostId) ?? '',
		seats: r.session.seats,
		free: Math.max(0, r.session.seats - Number(r.booked)),
		mine: !!r.mine,
		hosting: r.session.hostId === actor.personId
	}));
}

export type SessionListItem = Awaited<ReturnType<typeof findSessions>>[number];
