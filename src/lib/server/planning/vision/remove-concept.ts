import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningConceptVersions, planningConcepts } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { isUuid } from '../../ids';
import { organizerPlan } from './organizer-plan';

/**
 * Removes a key concept of the common framework with all its meanings. The audit entry keeps the name and
 * every meaning with its date, so nothing that was agreed is lost from the record.
 */
export async function removeConcept(db: Db, opts: { actor: Actor; organizerId: string; conceptId: string }) {
	authorize(opts.actor, 'plan.write', organizerPlan(opts.organizerId));
	if (!isUuid(opts.conceptId)) throw new AppError('NOT_FOUND', 'concept');
	await db.transaction(async (tx) => {
		const [concept] = await tx
			.select()
			.from(planningConcepts)
			.where(and(eq(planningConcepts.id, opts.conceptId), eq(planningConcepts.organizerId, opts.organizerId)))
			.for('update');
		if (!concept) throw new AppError('NOT_FOUND', 'concept');
		const versions = await tx
			.delete(planningConceptVersions)
			.where(eq(planningConceptVersions.conceptId, concept.id))
			.returning({ meaning: planningConceptVersions.meaning, createdAt: planningConceptVersions.createdAt });
		await tx.delete(planningConcepts).where(eq(planningConcepts.id, concept.id));
		const meanings = versions
			.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
			.map((v) => `${v.createdAt.toISOString().slice(0, 10)}: ${v.meaning}`);
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'concept.remove',
			entityType: 'planning_concept',
			entityId: concept.id,
			changes: { name: [concept.name, null], meanings: [meanings, []] }
		});
	});
}
