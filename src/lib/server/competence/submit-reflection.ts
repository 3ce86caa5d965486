import type { Db } from '../db';
import { competenceReflections } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { parseOrThrow } from '../errors';
import { authorize, type Actor } from '../policies';
import { reflectionSchema } from './competence-input';
import { REFLECTION_SET, reflectionLevels } from './competence-rules';

/**
 * Saves a person's own reflection (competence.reflect): every item answered 0–4, the level per area computed. Each
 * save is a new reflection, so repeated ones show the person's progress. The audit event says that a reflection
 * was made and by whom, never its answers or levels: the audit log is read by administrators.
 */
export async function submitReflection(
	db: Db,
	o: { actor: Actor | null; organizerId: string; input: Record<string, string | undefined> }
): Promise<{ id: string }> {
	authorize(o.actor, 'competence.reflect', { type: 'organizer', organizerId: o.organizerId });
	const actor = o.actor;
	const answers = parseOrThrow(reflectionSchema, o.input, 'unanswered items') as Record<string, number>;
	const { levels, overall } = reflectionLevels(answers);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(competenceReflections)
			.values({ organizerId: o.organizerId, personId: actor.personId, itemSet: REFLECTION_SET, answers, levels, overall })
			.returning({ id: competenceReflections.id });
		await recordAudit(tx, {
			organizerId: o.organizerId,
			actorId: actor.personId,
			action: 'competence.reflection.submit',
			entityType: 'competence_reflection',
			entityId: row.id
		});
		return row;
	});
}
