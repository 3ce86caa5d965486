import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { competencePlans, competenceSteps } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { invalid } from '../errors';
import { authorize, type Actor } from '../policies';
import { getCurrentPlan, type PlanRow } from './competence-scope';

/**
 * Makes a new plan version that copies every step of the one in force (competence.plan). Markings stay with the
 * version they were made on; from now on steps are marked on the new one. The copy is one INSERT … SELECT.
 */
export async function createPlanVersion(db: Db, o: { actor: Actor | null; organizerId: string; note?: string }): Promise<PlanRow> {
	authorize(o.actor, 'competence.plan', { type: 'organizer', organizerId: o.organizerId });
	const actor = o.actor;
	const note = (o.note ?? '').trim();
	if (note.length > 300) throw invalid('note', 'competence_error_too_long');
	return db.transaction(async (tx) => {
		const current = await getCurrentPlan(tx, o.organizerId);
		if (!current) throw invalid('form', 'competence_error_no_plan');
		const [plan] = await tx
			.insert(competencePlans)
			.values({ organizerId: o.organizerId, version: current.version + 1, note, createdBy: actor.personId })
			.returning();
		await tx.execute(sql`
			INSERT INTO ${competenceSteps} (organizer_id, plan_id, step_key, stage, aspect, position, text, content_note)
			SELECT organizer_id, ${plan.id}, step_key, stage, aspect, position, text, content_note
			FROM ${competenceSteps} WHERE ${eq(competenceSteps.planId, current.id)}`);
		await recordAudit(tx, {
			organizerId: o.organizerId,
			actorId: actor.personId,
			action: 'competence.plan.version',
			entityType: 'competence_plan',
			entityId: plan.id,
			changes: { version: [current.version, plan.version], note: [null, note] }
		});
		return plan;
	});
}
