import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { competenceClasses, competenceMarkings, competenceSteps } from '../db/schema';
import { authorize, can, type Actor } from '../policies';
import { getCurrentPlan, loadCompetenceScope } from './competence-scope';
import { stepsOf } from './get-plan';
import { STAGES, type Stage } from './competence-rules';

/**
 * The marking page (competence.mark): the classes at units where the actor may mark, those units (for a new class),
 * the steps of the plan in force for those classes' year groups, and the actor's own newest markings.
 */
export async function loadMarkingPage(db: Db, o: { actor: Actor | null; organizerId: string }) {
	authorize(o.actor, 'competence.mark', { type: 'organizer', organizerId: o.organizerId });
	const actor = o.actor;
	const { tree, byId, resource } = await loadCompetenceScope(db, o.organizerId);
	const units = tree
		.filter((u) => !u.archivedAt && can(actor, 'competence.mark', resource(u.id)))
		.sort((a, b) => (a.nameSort < b.nameSort ? -1 : 1))
		.map((u) => ({ id: u.id, name: u.name }));
	const mine = new Set(units.map((u) => u.id));
	const classes = (
		await db
			.select({ id: competenceClasses.id, unitId: competenceClasses.unitId, stage: competenceClasses.stage, name: competenceClasses.name })
			.from(competenceClasses)
			.where(and(eq(competenceClasses.organizerId, o.organizerId), isNull(competenceClasses.archivedAt)))
	)
		.filter((c) => mine.has(c.unitId))
		.map((c) => ({ ...c, stage: c.stage as Stage, unitName: byId.get(c.unitId)?.name ?? '' }))
		.sort(
			(a, b) =>
				a.unitName.localeCompare(b.unitName, 'sv') ||
				STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) ||
				a.name.localeCompare(b.name, 'sv')
		);
	const plan = await getCurrentPlan(db, o.organizerId);
	const stages = new Set(classes.map((c) => c.stage));
	const steps = plan ? (await stepsOf(db, o.organizerId, plan.id)).filter((s) => stages.has(s.stage)) : [];
	const markings = await db
		.select({
			id: competenceMarkings.id,
			classId: competenceMarkings.classId,
			className: competenceClasses.name,
			stepText: competenceSteps.text,
			aspect: competenceSteps.aspect,
			workedOn: competenceMarkings.workedOn,
			note: competenceMarkings.note,
			current: eq(competenceMarkings.planId, plan?.id ?? '00000000-0000-0000-0000-000000000000')
		})
		.from(competenceMarkings)
		.innerJoin(competenceClasses, eq(competenceClasses.id, competenceMarkings.classId))
		.innerJoin(competenceSteps, eq(competenceSteps.id, competenceMarkings.stepId))
		.where(
			and(
				eq(competenceMarkings.organizerId, o.organizerId),
				eq(competenceMarkings.markedBy, actor.personId),
				isNull(competenceMarkings.withdrawnAt)
			)
		)
		.orderBy(desc(competenceMarkings.workedOn), desc(competenceMarkings.createdAt))
		.limit(30);
	return { plan: plan && { version: plan.version }, units, classes, steps, markings };
}
