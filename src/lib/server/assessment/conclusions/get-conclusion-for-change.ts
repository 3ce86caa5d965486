import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentConclusions } from '../../db/schema';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { getRound } from '../rounds/get-round';
import { getRoundUnit } from '../consensus/get-round-unit';
import { isUuid } from '../../ids';

/**
 * One conclusion of a round, for someone about to change or remove it: the unit's conclusions
 * are the unit team's (assessment.consensus), the organizer's need assessment.manage.
 * NOT_FOUND for a malformed id or a conclusion of another round or organizer; FORBIDDEN otherwise.
 * Pass a transaction to lock the row until the change is written.
 */
export async function getConclusionForChange(
	db: Db,
	opts: { actor: Actor; organizerId: string; roundId: string; conclusionId: string; lock?: boolean }
) {
	if (!isUuid(opts.conclusionId) || !isUuid(opts.roundId)) throw new AppError('NOT_FOUND', 'conclusion');
	const query = db
		.select()
		.from(assessmentConclusions)
		.where(
			and(
				eq(assessmentConclusions.id, opts.conclusionId),
				eq(assessmentConclusions.organizerId, opts.organizerId),
				eq(assessmentConclusions.roundId, opts.roundId)
			)
		);
	const [row] = opts.lock ? await query.for('update') : await query;
	if (!row) throw new AppError('NOT_FOUND', 'conclusion');
	if (row.unitId) {
		const { round, resource } = await getRoundUnit(db, { organizerId: opts.organizerId, roundId: opts.roundId, unitId: row.unitId });
		authorize(opts.actor, 'assessment.consensus', resource);
		return { round, row };
	}
	authorize(opts.actor, 'assessment.manage', { type: 'organizer', organizerId: opts.organizerId });
	return { round: await getRound(db, opts), row };
}
