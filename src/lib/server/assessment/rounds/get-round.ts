import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentRoundUnits, assessmentRounds } from '../../db/schema';
import { AppError } from '../../errors';
import { isUuid } from '../../ids';

/**
 * A round of the organizer with the ids of its units. NOT_FOUND for another organizer's
 * round or a malformed id. Callers authorize what they do with it.
 */
export async function getRound(db: Db, opts: { organizerId: string; roundId: string }) {
	if (!isUuid(opts.roundId)) throw new AppError('NOT_FOUND', 'round');
	const [round] = await db
		.select()
		.from(assessmentRounds)
		.where(and(eq(assessmentRounds.id, opts.roundId), eq(assessmentRounds.organizerId, opts.organizerId)));
	if (!round) throw new AppError('NOT_FOUND', 'round');
	const unitRows = await db
		.select({ unitId: assessmentRoundUnits.unitId })
		.from(assessmentRoundUnits)
		.where(eq(assessmentRoundUnits.roundId, round.id));
	return { ...round, unitIds: unitRows.map((r) => r.unitId) };
}

export type Round = Awaited<ReturnType<typeof getRound>>;

/** NOT_FOUND unless the unit takes part in the round (a tampered unit id). */
export function requireRoundUnit(round: Round, unitId: string) {
	if (!round.unitIds.includes(unitId)) throw new AppError('NOT_FOUND', 'unit');
}
