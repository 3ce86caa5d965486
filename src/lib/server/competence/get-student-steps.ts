import type { Db } from '../db';
import { authorize, type Actor } from '../policies';
import type { Stage } from './competence-rules';
import { getCurrentPlan } from './competence-scope';
import { stepsOf, type PlanStep } from './get-plan';

/** One year's steps of the plan in force, for the students' page (competence.students: anyone with a role there). */
export async function getStudentSteps(db: Db, o: { actor: Actor | null; organizerId: string; stage: Stage }): Promise<PlanStep[]> {
	authorize(o.actor, 'competence.students', { type: 'organizer', organizerId: o.organizerId });
	const plan = await getCurrentPlan(db, o.organizerId);
	if (!plan) return [];
	return (await stepsOf(db, o.organizerId, plan.id)).filter((s) => s.stage === o.stage);
}
