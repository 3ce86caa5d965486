import { AppError } from '../../errors';
import { getRound, requireRoundUnit } from '../rounds/get-round';
import { requireNotClosed } from '../rounds/round-checks';
import type { Db } from '../../db';

/** Input naming one anonymous link: a unit and a perspective of a round. */
export type LinkScope = { organizerId: string; roundId: string; unitId: string; perspective: string };

/**
 * The round for a link change, after checking that it is not closed, that the unit takes
 * part (NOT_FOUND for a tampered id) and that the round includes the perspective (INVALID).
 */
export async function roundForLink(db: Db, s: LinkScope) {
	const round = await getRound(db, { organizerId: s.organizerId, roundId: s.roundId });
	requireRoundUnit(round, s.unitId.toLowerCase());
	if (!round.perspectives.includes(s.perspective)) throw new AppError('INVALID', 'rounds_error_perspective_not_in_round');
	requireNotClosed(round);
	return round;
}
