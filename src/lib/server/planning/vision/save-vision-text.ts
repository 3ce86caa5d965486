import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningVisions } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, zodIssues } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { visionSchema } from './goal-input';
import { organizerPlan } from './organizer-plan';

/** Writes the organizer's vision text; those who write the organizer plan may. Audited with before/after. */
export async function saveVisionText(db: Db, opts: { actor: Actor; organizerId: string; input: { text?: string } }) {
	authorize(opts.actor, 'plan.write', organizerPlan(opts.organizerId));
	const parsed = visionSchema.safeParse(opts.input);
	if (!parsed.success) throw new AppError('INVALID', 'vision', zodIssues(parsed.error.issues));
	const text = parsed.data.text;
	return db.transaction(async (tx) => {
		const [before] = await tx.select().from(planningVisions).where(eq(planningVisions.organizerId, opts.organizerId)).for('update');
		if ((before?.text ?? '') === text) return false;
		await tx
			.insert(planningVisions)
			.values({ organizerId: opts.organizerId, text, updatedBy: opts.actor.personId })
			.onConflictDoUpdate({ target: planningVisions.organizerId, set: { text, updatedBy: opts.actor.personId, updatedAt: new Date() } });
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'vision.update',
			entityType: 'planning_vision',
			entityId: opts.organizerId,
			changes: { text: [before?.text ?? null, text] }
		});
		return true;
	});
}
