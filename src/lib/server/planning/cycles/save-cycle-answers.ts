import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningCycleAnswers } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, type FieldIssue } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { getCycle } from './get-cycle';
import { QUESTION_KEYS } from './questions';

const MAX = 8000;

/**
 * Undersök: saves the working group's notes on the questions (an emptied note is removed). Unknown
 * questions are ignored; a note that is too long is INVALID beside its field. Audited with what changed.
 */
export async function saveCycleAnswers(
	db: Db,
	opts: { actor: Actor; organizerId: string; cycleId: string; notes: Record<string, string> }
) {
	const notes = Object.entries(opts.notes)
		.filter(([k]) => QUESTION_KEYS.has(k))
		.map(([k, v]) => [k, String(v ?? '').trim()] as const);
	const issues: FieldIssue[] = notes.filter(([, v]) => v.length > MAX).map(([k]) => ({ field: `q-${k}`, message: 'error_too_long' }));
	if (issues.length) throw new AppError('INVALID', 'answers', issues);
	return db.transaction(async (tx) => {
		const cycle = await getCycle(tx, { ...opts, lock: true });
		authorize(opts.actor, 'cycle.write', cycle.resource);
		const before = new Map(
			(await tx.select().from(planningCycleAnswers).where(eq(planningCycleAnswers.cycleId, cycle.id))).map((a) => [a.questionKey, a.note])
		);
		const changes: Record<string, [string | null, string | null]> = {};
		for (const [key, note] of notes) if ((before.get(key) ?? '') !== note) changes[key] = [before.get(key) ?? null, note || null];
		const keys = Object.keys(changes);
		if (!keys.length) return { changed: 0 };
		const removed = keys.filter((k) => !changes[k][1]);
		if (removed.length)
			await tx
				.delete(planningCycleAnswers)
				.where(and(eq(planningCycleAnswers.cycleId, cycle.id), inArray(planningCycleAnswers.questionKey, removed)));
		const written = keys.filter((k) => changes[k][1]);
		for (const key of written) {
			const note = changes[key][1]!;
			await tx
				.insert(planningCycleAnswers)
				.values({ cycleId: cycle.id, organizerId: opts.organizerId, questionKey: key, note, updatedBy: opts.actor.personId })
				.onConflictDoUpdate({
					target: [planningCycleAnswers.cycleId, planningCycleAnswers.questionKey],
					set: { note, updatedBy: opts.actor.personId, updatedAt: new Date() }
				});
		}
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'cycle.investigate',
			entityType: 'planning_cycle',
			entityId: cycle.id,
			changes
		});
		return { changed: keys.length };
	});
}
