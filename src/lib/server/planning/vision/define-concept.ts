import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db';
import { planningConceptVersions, planningConcepts } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, zodIssues } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { organizerPlan } from './organizer-plan';
import { isUuid } from '../../ids';

const conceptSchema = z.object({
	name: z.string().trim().max(120, 'error_too_long').default(''),
	meaning: z.string({ error: 'vision_error_meaning' }).trim().min(1, 'vision_error_meaning').max(4000, 'error_too_long')
});

export type ConceptInput = { name?: string; meaning?: string };

/**
 * Defines a key concept of the common framework. Without conceptId a new concept (name required, unique
 * in the organizer); with it a new meaning of that concept, kept beside the earlier ones with its date
 * and author. The same meaning again writes nothing. Audited (concept.define, before and after).
 */
export async function defineConcept(db: Db, opts: { actor: Actor; organizerId: string; conceptId?: string; input: ConceptInput }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'plan.write', organizerPlan(organizerId));
	const parsed = conceptSchema.safeParse(opts.input);
	const issues = parsed.success ? [] : zodIssues(parsed.error.issues);
	const name = parsed.success ? parsed.data.name : '';
	if (!opts.conceptId && parsed.success && !name) issues.push({ field: 'name', message: 'vision_error_concept_name' });
	if (!parsed.success || issues.length) throw new AppError('INVALID', 'concept', issues);
	const meaning = parsed.data.meaning;
	return db.transaction(async (tx) => {
		let conceptId = opts.conceptId;
		let before: string | null = null;
		if (conceptId) {
			if (!isUuid(conceptId)) throw new AppError('NOT_FOUND', 'concept');
			const [concept] = await tx
				.select()
				.from(planningConcepts)
				.where(and(eq(planningConcepts.id, conceptId), eq(planningConcepts.organizerId, organizerId)))
				.for('update');
			if (!concept) throw new AppError('NOT_FOUND', 'concept');
			const [current] = await tx
				.select()
				.from(planningConceptVersions)
				.where(eq(planningConceptVersions.conceptId, conceptId))
				.orderBy(desc(planningConceptVersions.createdAt))
				.limit(1);
			before = current?.meaning ?? null;
			if (before === meaning) return { conceptId, changed: false };
		} else {
			const [taken] = await tx
				.select({ id: planningConcepts.id })
				.from(planningConcepts)
				.where(and(eq(planningConcepts.organizerId, organizerId), sql`lower(${planningConcepts.name}) = lower(${name})`));
			if (taken) throw new AppError('INVALID', 'concept', [{ field: 'name', message: 'vision_error_concept_taken' }]);
			[{ id: conceptId }] = await tx.insert(planningConcepts).values({ organizerId, name }).returning({ id: planningConcepts.id });
		}
		await tx.insert(planningConceptVersions).values({ conceptId, organizerId, meaning, authorId: actor.personId });
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'concept.define',
			entityType: 'planning_concept',
			entityId: conceptId,
			changes: { ...(opts.conceptId ? {} : { name: [null, name] }), meaning: [before, meaning] }
		});
		return { conceptId, changed: true };
	});
}
