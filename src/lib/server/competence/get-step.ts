import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { competenceSteps } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';
import { getCurrentPlan } from './competence-scope';

/**
 * A step of the plan version in force, for its edit form (competence.plan); null without an id (the form then adds a
 * step). A step of an older version, or an id that names none, is NOT_FOUND.
 */
export async function getStep(db: Db, o: { actor: Actor | null; organizerId: string; stepId: string | null }) {
	authorize(o.actor, 'competence.plan', { type: 'organizer', organizerId: o.organizerId });
	if (!o.stepId) return null;
	const plan = await getCurrentPlan(db, o.organizerId);
	const [row] =
		plan && isUuid(o.stepId)
			? await db
					.select({
						id: competenceSteps.id,
						stage: competenceSteps.stage,
						aspect: competenceSteps.aspect,
						text: competenceSteps.text,
						contentNote: competenceSteps.contentNote
					})
					.from(competenceSteps)
					.where(and(eq(competenceSteps.id, o.stepId), eq(competenceSteps.planId, plan.id)))
			: [];
	if (!row) throw new AppError('NOT_FOUND', 'no such step');
	return row;
}
