import type { Db } from '../db';
import { competencePlans, competenceSteps } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { conflict } from '../errors';
import { authorize, type Actor } from '../policies';
import { STARTER_PLAN } from './competence-rules';
import { getCurrentPlan, type PlanRow } from './competence-scope';

/**
 * Adopts the shipped starter plan as the organizer's first plan version (competence.plan). Refused once the organizer
 * has a plan: a later change is a new version of its own plan. One transaction: the version, its steps, the audit event.
 */
export async function adoptStarterPlan(db: Db, o: { actor: Actor | null; organizerId: string }): Promise<PlanRow> {
	authorize(o.actor, 'competence.plan', { type: 'organizer', organizerId: o.organizerId });
	const actor = o.actor;
	return db.transaction(async (tx) => {
		if (await getCurrentPlan(tx, o.organizerId)) throw conflict('form', 'competence_error_plan_exists');
		const [plan] = await tx
			.insert(competencePlans)
			.values({ organizerId: o.organizerId, version: 1, source: `${STARTER_PLAN.key}@${STARTER_PLAN.version}`, createdBy: actor.personId })
			.returning();
		await tx.insert(competenceSteps).values(
			STARTER_PLAN.steps.map((s, i) => ({
				organizerId: o.organizerId,
				planId: plan.id,
				stepKey: s.key,
				stage: s.stage,
				aspect: s.aspect,
				position: i,
				text: s.text,
				contentNote: s.contentNote ?? ''
			}))
		);
		await recordAudit(tx, {
			organizerId: o.organizerId,
			actorId: actor.personId,
			action: 'competence.plan.adopt',
			entityType: 'competence_plan',
			entityId: plan.id,
			changes: { version: [null, 1], source: [null, plan.source] }
		});
		return plan;
	});
}
