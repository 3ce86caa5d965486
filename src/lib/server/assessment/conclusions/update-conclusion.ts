import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentConclusions } from '../../db/schema';
import { diffFields, recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import type { Actor } from '../../policies';
import { conclusionSchema, type ConclusionInput } from './write-conclusion';
import { getConclusionForChange } from './get-conclusion-for-change';
import { resolveConclusionScope } from './conclusion-scope';

const CHANGED_FIELDS = ['subGoalId', 'itemKey', 'summary'] as const;

/**
 * Changes a conclusion's text or scope. The same people who may write it may change it (the
 * unit team for a unit's, assessment.manage for the organizer's); the same rules as writing
 * apply. Audited with before and after of the fields that changed; nothing is written when
 * nothing changed. Returns the row and whether it changed.
 */
export async function updateConclusion(
	db: Db,
	opts: { actor: Actor; organizerId: string; roundId: string; conclusionId: string; input: ConclusionInput }
) {
	const { round } = await getConclusionForChange(db, opts);
	const parsed = conclusionSchema.safeParse(opts.input);
	if (!parsed.success)
		throw new AppError(
			'INVALID',
			'conclusion',
			parsed.error.issues.map((i) => ({ field: i.path[0] === 'summary' ? 'summary' : 'scope', message: i.message }))
		);
	const scope = await resolveConclusionScope(db, round, parsed.data);

	return db.transaction(async (tx) => {
		const { row: before } = await getConclusionForChange(tx, { ...opts, lock: true });
		const changes = diffFields(before, { ...before, ...scope, summary: parsed.data.summary }, [...CHANGED_FIELDS]);
		if (!Object.keys(changes).length) return { row: before, changed: false };
		const [row] = await tx
			.update(assessmentConclusions)
			.set({ ...scope, summary: parsed.data.summary })
			.where(eq(assessmentConclusions.id, before.id))
			.returning();
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'conclusion.update',
			entityType: 'assessment_conclusion',
			entityId: row.id,
			changes
		});
		return { row, changed: true };
	});
}
