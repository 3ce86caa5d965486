import type { Db } from '../db';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../policies';

/**
 * Audits that the actor was shown people with protected identity (person.view_protected),
 * one event per person, so every look at such a person can be traced.
 */
export async function recordProtectedViews(
	db: Db,
	{ actor, organizerId, personIds, via }: { actor: Actor; organizerId: string; personIds: string[]; via: string }
): Promise<void> {
	if (personIds.length === 0) return;
	await db.transaction(async (tx) => {
		for (const id of personIds) {
			await recordAudit(tx, {
				organizerId,
				actorId: actor.personId,
				action: 'person.view_protected',
				entityType: 'person',
				entityId: id,
				changes: { via }
			});
		}
	});
}
