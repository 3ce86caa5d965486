import { and, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db';
import { planningConcepts } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, invalid, parseOrThrow } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { isUuid } from '../../ids';
import { organizerPlan } from './organizer-plan';

/** A concept's new name. */
const renameSchema = z.object({
	name: z.string({ error: 'vision_error_concept_new_name' }).trim().min(1, 'vision_error_concept_new_name').max(120, 'error_too_long')
});

/**
 * Renames a key concept of the common framework; its meanings stay with it. The old name is kept in the audit
 * entry (concept.rename, before and after), which is where the framework page reads a concept's earlier names
 * from (findConceptRenames), so the history shows what the concept was once called. The same name again writes
 * nothing; a name another concept of the organizer has (in any case) is refused beside the field.
 */
export async function renameConcept(db: Db, opts: { actor: Actor; organizerId: string; conceptId: string; input: { name?: string } }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'plan.write', organizerPlan(organizerId));
	if (!isUuid(opts.conceptId)) throw new AppError('NOT_FOUND', 'concept');
	const { name } = parseOrThrow(renameSchema, opts.input, 'concept');
	return db.transaction(async (tx) => {
		const [concept] = await tx
			.select()
			.from(planningConcepts)
			.where(and(eq(planningConcepts.id, opts.conceptId), eq(planningConcepts.organizerId, organizerId)))
			.for('update');
		if (!concept) throw new AppError('NOT_FOUND', 'concept');
		if (concept.name === name) return { changed: false };
		const [taken] = await tx
			.select({ id: planningConcepts.id })
			.from(planningConcepts)
			.where(
				and(
					eq(planningConcepts.organizerId, organizerId),
					ne(planningConcepts.id, concept.id),
					sql`lower(${planningConcepts.name}) = lower(${name})`
				)
			);
		if (taken) throw invalid('name', 'vision_error_concept_name_taken');
		await tx.update(planningConcepts).set({ name }).where(eq(planningConcepts.id, concept.id));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'concept.rename',
			entityType: 'planning_concept',
			entityId: concept.id,
			changes: { name: [concept.name, name] }
		});
		return { changed: true };
	});
}
