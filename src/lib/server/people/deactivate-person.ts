import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { people } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { deleteSessionsOfPerson } from '../auth/sessions';
import { AppError } from '../errors';
import { authorize, can, type Actor } from '../policies';
import { loadIdentityScope } from './identity-scope';
import { getMemberPerson } from './queries';

type Options = { actor: Actor | null; organizerId: string; personId: string };

async function setStatus(db: Db, { actor, organizerId, personId }: Options, status: 'active' | 'inactive') {
	authorize(actor, 'person.manage', { type: 'organizer', organizerId });
	if (status === 'inactive' && personId === actor.personId) {
		throw new AppError('INVALID', 'cannot deactivate yourself', [{ field: 'status', message: 'people_error_deactivate_self' }]);
	}
	return db.transaction(async (tx) => {
		const before = await getMemberPerson(tx, organizerId, personId);
		if (!before) throw new AppError('NOT_FOUND', 'person');
		if (before.status === status) return before;
		// The status is part of the identity (decision 018): shared people are deactivated by a system administrator.
		if (!can(actor, 'identity.manage', await loadIdentityScope(tx, before.id))) {
			throw new AppError('INVALID', 'identity shared', [{ field: 'status', message: 'people_error_identity_shared' }]);
		}
		const [after] = await tx.update(people).set({ status, updatedAt: new Date() }).where(eq(people.id, before.id)).returning();
		if (status === 'inactive') await deleteSessionsOfPerson(tx, before.id);
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: status === 'inactive' ? 'person.deactivate' : 'person.reactivate',
			entityType: 'person',
			entityId: before.id,
			changes: { status: [before.status, status] }
		});
		return after;
	});
}

/**
 * Marks a member inactive so they can no longer sign in, and ends all their sessions at once.
 * An administrator cannot deactivate themselves. The status belongs to the person, so it
 * applies in every organizer they are a member of: an organizer's administrator may change it only for a
 * person who is theirs alone (decision 018). Deactivating twice changes nothing.
 */
export function deactivatePerson(db: Db, options: Options) {
	return setStatus(db, options, 'inactive');
}

/** Lets an inactive member sign in again (their roles are unchanged). */
export function reactivatePerson(db: Db, options: Options) {
	return setStatus(db, options, 'active');
}
