import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentLinks } from '../../db/schema';
import { authorize, type Actor } from '../../policies';
import { recordAudit } from '../../audit/record-audit';
import { newToken } from '../../auth/tokens';
import { AppError } from '../../errors';
import { getRound, requireRoundUnit } from '../rounds/get-round';
import { lockRound, requireNotClosed } from '../rounds/round-checks';
import { DEFAULT_LINK_CAPACITY } from './link-room';

export type CreateLinksOptions = {
	actor: Actor | null;
	organizerId: string;
	roundId: string;
	/** The perspectives to make links for; at least one, each in the round. */
	perspectives: string[];
	/** Only these units of the round; empty or left out = every unit of the round. */
	unitIds?: string[];
};

/**
 * Creates the anonymous links for many units × perspectives of a round that is not closed, in one
 * transaction: those that exist already are left as they are (same token) and counted as skipped.
 * INVALID with a field issue when no perspective is chosen or one is not in the round; NOT_FOUND
 * for a unit outside the round. Each new link is audited like a single one.
 */
export async function createLinks(db: Db, opts: CreateLinksOptions): Promise<{ created: number; skipped: number }> {
	authorize(opts.actor, 'assessment.manage', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const perspectives = [...new Set(opts.perspectives)];
	if (!perspectives.length)
		throw new AppError('INVALID', 'no perspective', [{ field: 'perspectives', message: 'exports_links_error_perspectives' }]);
	return db.transaction(async (tx) => {
		const round = await getRound(tx, { organizerId: opts.organizerId, roundId: opts.roundId });
		await lockRound(tx, opts.organizerId, round.id);
		requireNotClosed(round);
		if (perspectives.some((p) => !round.perspectives.includes(p)))
			throw new AppError('INVALID', 'rounds_error_perspective_not_in_round', [
				{ field: 'perspectives', message: 'rounds_error_perspective_not_in_round' }
			]);
		const unitIds = opts.unitIds?.length ? [...new Set(opts.unitIds.map((u) => u.toLowerCase()))] : round.unitIds;
		for (const u of unitIds) requireRoundUnit(round, u);
		const existing = await tx
			.select({ unitId: assessmentLinks.unitId, perspective: assessmentLinks.perspective })
			.from(assessmentLinks)
			.where(and(eq(assessmentLinks.organizerId, opts.organizerId), eq(assessmentLinks.roundId, round.id)));
		const has = new Set(existing.map((l) => `${l.unitId}|${l.perspective}`));
		const wanted = unitIds.flatMap((unitId) => perspectives.map((perspective) => ({ unitId, perspective })));
		const missing = wanted.filter((w) => !has.has(`${w.unitId}|${w.perspective}`));
		if (missing.length) {
			const rows = await tx
				.insert(assessmentLinks)
				.values(
					missing.map((w) => ({
						organizerId: opts.organizerId,
						roundId: round.id,
						...w,
						token: newToken(),
						capacity: DEFAULT_LINK_CAPACITY
					}))
				)
				.returning();
			// The tokens are secrets that open answering: the audit log names each link, never its token.
			for (const row of rows)
				await recordAudit(tx, {
					organizerId: opts.organizerId,
					actorId: actor.personId,
					action: 'assessment_link.create',
					entityType: 'assessment_link',
					entityId: row.id,
					changes: {
						roundId: [null, round.id],
						unitId: [null, row.unitId],
						perspective: [null, row.perspective],
						capacity: [null, row.capacity]
					}
				});
		}
		return { created: missing.length, skipped: wanted.length - missing.length };
	});
}
