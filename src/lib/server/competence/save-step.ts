import { and, eq, max } from 'drizzle-orm';
import type { Db } from '../db';
import { competenceSteps } from '../db/schema';
import { diffFields, recordAudit } from '../audit/record-audit';
import { invalid, parseOrThrow } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';
import { stepSchema, type FormInput, type StepInput } from './competence-input';
import { getCurrentPlan } from './competence-scope';

type StepRow = typeof competenceSteps.$inferSelect;

/**
 * Adds a step to the plan version in force, or changes one of its steps (stepId), for competence.plan. A step of an
 * older version is refused beside the form: old versions keep what was marked on them.
 */
export async function saveStep(
	db: Db,
	o: { actor: Actor | null; organizerId: string; stepId?: string | null; input: FormInput<StepInput> }
): Promise<StepRow> {
	authorize(o.actor, 'competence.plan', { type: 'organizer', organizerId: o.organizerId });
	const actor = o.actor;
	const input = parseOrThrow(stepSchema, o.input);
	return db.transaction(async (tx) => {
		const plan = await getCurrentPlan(tx, o.organizerId);
		if (!plan) throw invalid('form', 'competence_error_no_plan');
		if (o.stepId) {
			const [before] = isUuid(o.stepId)
				? await tx
						.select()
						.from(competenceSteps)
						.where(and(eq(competenceSteps.id, o.stepId), eq(competenceSteps.organizerId, o.organizerId)))
				: [];
			if (!before) throw invalid('form', 'competence_error_step');
			if (before.planId !== plan.id) throw invalid('form', 'competence_error_old_version');
			const [after] = await tx.update(competenceSteps).set(input).where(eq(competenceSteps.id, before.id)).returning();
			await recordAudit(tx, {
				organizerId: o.organizerId,
				actorId: actor.personId,
				action: 'competence.step.update',
				entityType: 'competence_step',
				entityId: after.id,
				changes: diffFields(before, after, ['stage', 'aspect', 'text', 'contentNote'])
			});
			return after;
		}
		const [{ last }] = await tx
			.select({ last: max(competenceSteps.position) })
			.from(competenceSteps)
			.where(eq(competenceSteps.planId, plan.id));
		const [row] = await tx
			.insert(competenceSteps)
			.values({ ...input, organizerId: o.organizerId, planId: plan.id, stepKey: crypto.randomUUID(), position: (last ?? 0) + 1 })
			.returning();
		await recordAudit(tx, {
			organizerId: o.organizerId,
			actorId: actor.personId,
			action: 'competence.step.create',
			entityType: 'competence_step',
			entityId: row.id,
			changes: diffFields(null, row, ['stage', 'aspect', 'text', 'contentNote'])
		});
		return row;
	});
}
