import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { competencePlans, competenceSteps } from '../db/schema';
import { AppError } from '../errors';
import { authorize, can, type Actor } from '../policies';
import { STAGES, type Aspect, type Stage } from './competence-rules';
import { getCurrentPlan, getPlanVersion } from './competence-scope';

export type PlanStep = { id: string; stage: Stage; aspect: Aspect; text: string; contentNote: string };

/**
 * The plan for its page (competence.view): one version (the newest unless `version` names an older one), its steps
 * in year-group order, the list of versions, and whether the actor may edit. `plan` is null before one is adopted.
 */
export async function getPlan(db: Db, o: { actor: Actor | null; organizerId: string; version?: number | null }) {
	authorize(o.actor, 'competence.view', { type: 'organizer', organizerId: o.organizerId });
	const current = await getCurrentPlan(db, o.organizerId);
	const plan = o.version && current && o.version !== current.version ? await getPlanVersion(db, o.organizerId, o.version) : current;
	if (o.version && !plan) throw new AppError('NOT_FOUND', 'no such version');
	const versions = await db
		.select({ version: competencePlans.version, note: competencePlans.note, createdAt: competencePlans.createdAt })
		.from(competencePlans)
		.where(eq(competencePlans.organizerId, o.organizerId))
		.orderBy(desc(competencePlans.version));
	const steps = plan ? await stepsOf(db, o.organizerId, plan.id) : [];
	return {
		plan: plan && { id: plan.id, version: plan.version, note: plan.note, current: plan.id === current?.id },
		versions,
		steps,
		canEdit: can(o.actor, 'competence.plan', { type: 'organizer', organizerId: o.organizerId })
	};
}

/** The steps of one plan version, by year group, aspect and position. */
export async function stepsOf(db: Db, organizerId: string, planId: string): Promise<PlanStep[]> {
	const rows = await db
		.select({
			id: competenceSteps.id,
			stage: competenceSteps.stage,
			aspect: competenceSteps.aspect,
			text: competenceSteps.text,
			contentNote: competenceSteps.contentNote,
			position: competenceSteps.position
		})
		.from(competenceSteps)
		.where(and(eq(competenceSteps.organizerId, organizerId), eq(competenceSteps.planId, planId)))
		.orderBy(asc(competenceSteps.position));
	const order = (s: string) => STAGES.indexOf(s as Stage);
	return rows
		.sort((a, b) => order(a.stage) - order(b.stage) || a.position - b.position)
		.map(({ id, stage, aspect, text, contentNote }) => ({ id, stage: stage as Stage, aspect: aspect as Aspect, text, contentNote }));
}
