import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { competenceClasses, competenceMarkings, competenceSteps } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { todayInStockholm } from '../auth/load-actor';
import { invalid, parseOrThrow } from '../errors';
import { isUuid } from '../ids';
import { authorize, can, type Actor } from '../policies';
import { markingSchema, type FormInput, type MarkingInput } from './competence-input';
import { getCurrentPlan, loadCompetenceScope } from './competence-scope';

export type MarkingRow = typeof competenceMarkings.$inferSelect;

/**
 * Marks that a class worked on a step (competence.mark at the class's unit). Refused beside its field, with nothing
 * written: a class of a unit where the actor has no role, a step of an older plan version, a step of another year
 * group than the class's, a day in the future. Writes the marking and its audit event in one transaction.
 */
export async function markStep(
	db: Db,
	o: { actor: Actor | null; organizerId: string; input: FormInput<MarkingInput>; today?: string }
): Promise<MarkingRow> {
	authorize(o.actor, 'competence.mark', { type: 'organizer', organizerId: o.organizerId });
	const actor = o.actor;
	const input = parseOrThrow(markingSchema, o.input);
	if (input.workedOn > (o.today ?? todayInStockholm())) throw invalid('workedOn', 'competence_error_date_future');
	const [klass] = isUuid(input.classId)
		? await db
				.select()
				.from(competenceClasses)
				.where(and(eq(competenceClasses.id, input.classId), eq(competenceClasses.organizerId, o.organizerId)))
		: [];
	if (!klass || klass.archivedAt) throw invalid('classId', 'competence_error_class');
	const { resource } = await loadCompetenceScope(db, o.organizerId);
	if (!can(actor, 'competence.mark', resource(klass.unitId))) throw invalid('classId', 'competence_error_class_not_yours');
	const [step] = isUuid(input.stepId)
		? await db
				.select()
				.from(competenceSteps)
				.where(and(eq(competenceSteps.id, input.stepId), eq(competenceSteps.organizerId, o.organizerId)))
		: [];
	if (!step) throw invalid('stepId', 'competence_error_step');
	return db.transaction(async (tx) => {
		const plan = await getCurrentPlan(tx, o.organizerId);
		if (!plan || step.planId !== plan.id) throw invalid('stepId', 'competence_error_old_version');
		if (step.stage !== klass.stage) throw invalid('stepId', 'competence_error_step_stage');
		const [row] = await tx
			.insert(competenceMarkings)
			.values({
				organizerId: o.organizerId,
				planId: plan.id,
				stepId: step.id,
				classId: klass.id,
				unitId: klass.unitId,
				stage: klass.stage,
				workedOn: input.workedOn,
				note: input.note,
				markedBy: actor.personId
			})
			.returning();
		await recordAudit(tx, {
			organizerId: o.organizerId,
			actorId: actor.personId,
			action: 'competence.marking.create',
			entityType: 'competence_marking',
			entityId: row.id,
			changes: { classId: [null, row.classId], stepId: [null, row.stepId], workedOn: [null, row.workedOn], note: [null, row.note] }
		});
		return row;
	});
}
