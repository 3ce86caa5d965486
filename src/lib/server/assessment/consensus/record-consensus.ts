import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db';
import { assessmentConsensus } from '../../db/schema';
import { recordAudit, diffFields } from '../../audit/record-audit';
import { AppError, type FieldIssue } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { getRoundItems } from '../rounds/round-items';
import { roundStatus } from '../rounds/round-status';
import { CONSENSUS_VALUES } from './consensus-value';
import { getRoundUnit } from './get-round-unit';
import { markRoundFiguresChanged } from '../reports/round-figures/mark-round-figures-changed';

const entrySchema = z.object({
	itemKey: z.string().max(200),
	value: z.union([z.enum(CONSENSUS_VALUES), z.literal('')], { message: 'consensus_error_value' }),
	evidence: z.string().trim().max(4000, 'error_too_long'),
	note: z.string().trim().max(4000, 'error_too_long')
});
export const recordConsensusSchema = z.array(entrySchema).max(500);
export type ConsensusEntry = z.input<typeof entrySchema>;

/** Form field ids of an item, so issues link to the right control. */
export const consensusFieldId = (itemKey: string, field: 'value' | 'evidence' | 'note') => `${itemKey}-${field}`;

/**
 * Records the unit's agreed level, evidence and note for items of the round. Every key must
 * belong to the round; an item with evidence or a note needs a level. Allowed while the round
 * is open or closed (consensus usually follows the close), not before it opens. Unchanged items
 * are left alone; each changed one is audited with before and after. Returns how many changed.
 */
export async function recordConsensus(
	db: Db,
	opts: { actor: Actor; organizerId: string; roundId: string; unitId: string; entries: ConsensusEntry[] }
): Promise<number> {
	const { round, unit, resource } = await getRoundUnit(db, opts);
	authorize(opts.actor, 'assessment.consensus', resource);
	if (roundStatus(round) === 'upcoming') throw new AppError('CONFLICT', 'consensus_error_not_open');

	const issues: FieldIssue[] = [];
	const parsed = recordConsensusSchema.safeParse(opts.entries);
	if (!parsed.success) {
		for (const i of parsed.error.issues) {
			const entry = opts.entries[Number(i.path[0])];
			const field = String(i.path[1] ?? 'value') as 'value' | 'evidence' | 'note';
			issues.push({ field: entry ? consensusFieldId(String(entry.itemKey), field) : 'form', message: i.message });
		}
		throw new AppError('INVALID', 'consensus', issues);
	}
	const { items } = await getRoundItems(db, round);
	const known = new Set(items.map((i) => i.key));
	const seen = new Set<string>();
	for (const e of parsed.data) {
		if (!known.has(e.itemKey) || seen.has(e.itemKey)) issues.push({ field: 'form', message: 'consensus_error_unknown_item' });
		else if (!e.value && (e.evidence || e.note))
			issues.push({ field: consensusFieldId(e.itemKey, 'value'), message: 'consensus_error_level_required' });
		seen.add(e.itemKey);
	}
	if (issues.length) throw new AppError('INVALID', 'consensus', issues);

	const scope = and(
		eq(assessmentConsensus.organizerId, opts.organizerId),
		eq(assessmentConsensus.roundId, round.id),
		eq(assessmentConsensus.unitId, unit.id)
	);
	return db.transaction(async (tx) => {
		const existing = new Map((await tx.select().from(assessmentConsensus).where(scope)).map((r) => [r.itemKey, r]));
		let changed = 0;
		for (const e of parsed.data) {
			if (!e.value) continue;
			const level = /^[1-4]$/.test(e.value) ? Number(e.value) : null;
			const after: { level: number | null; special: string | null; evidence: string; note: string } = {
				level,
				special: level === null ? e.value : null,
				evidence: e.evidence,
				note: e.note
			};
			const before = existing.get(e.itemKey) ?? null;
			const changes = diffFields(before as typeof after | null, after, ['level', 'special', 'evidence', 'note']);
			if (before && Object.keys(changes).length === 0) continue;
			const values = { ...after, decidedBy: opts.actor.personId, decidedAt: new Date() };
			if (before)
				await tx
					.update(assessmentConsensus)
					.set(values)
					.where(and(scope, eq(assessmentConsensus.itemKey, e.itemKey)));
			else
				await tx
					.insert(assessmentConsensus)
					.values({ ...values, organizerId: opts.organizerId, roundId: round.id, unitId: unit.id, itemKey: e.itemKey });
			await recordAudit(tx, {
				organizerId: opts.organizerId,
				actorId: opts.actor.personId,
				action: before ? 'consensus.update' : 'consensus.create',
				entityType: 'assessment_consensus',
				entityId: `${round.id}/${unit.id}/${e.itemKey}`,
				changes
			});
			changed++;
		}
		// An agreed level moves the unit's default-view value and the spread: stored figures of a closed round are stale.
		if (changed) await markRoundFiguresChanged(tx, round.id);
		return changed;
	});
}
