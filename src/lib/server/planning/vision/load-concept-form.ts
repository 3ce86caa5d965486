import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningConceptVersions, planningConcepts } from '../../db/schema';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { organizerPlan } from './organizer-plan';
import { isUuid } from '../../ids';

/** The concept to redefine and its current meaning ("ny": a new concept), for those who write the organizer plan. */
export async function loadConceptForm(db: Db, opts: { actor: Actor; organizerId: string; conceptId: string }) {
	authorize(opts.actor, 'plan.write', organizerPlan(opts.organizerId));
	if (opts.conceptId === 'ny') return { concept: null, meaning: '' };
	if (!isUuid(opts.conceptId)) throw new AppError('NOT_FOUND', 'concept');
	const [concept] = await db
		.select({ id: planningConcepts.id, name: planningConcepts.name })
		.from(planningConcepts)
		.where(and(eq(planningConcepts.id, opts.conceptId), eq(planningConcepts.organizerId, opts.organizerId)));
	if (!concept) throw new AppError('NOT_FOUND', 'concept');
	const [current] = await db
		.select({ meaning: planningConceptVersions.meaning })
		.from(planningConceptVersions)
		.where(eq(planningConceptVersions.conceptId, concept.id))
		.orderBy(desc(planningConceptVersions.createdAt))
		.limit(1);
	return { concept, meaning: current?.meaning ?? '' };
}
