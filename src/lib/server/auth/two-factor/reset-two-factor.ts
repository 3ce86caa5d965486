import type { Db } from '../../db';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { authorize, can, type Actor } from '../../policies';
import { loadIdentityScope } from '../../people/identity-scope';
import { getMemberPerson } from '../../people/queries';
import { removeTwoFactor } from './remove-two-factor';

/**
 * An administrator turns off a member's two-step verification (a lost phone and no recovery codes left). It is
 * part of the identity (decision 018): an organization administrator may do it only for a person who is theirs
 * alone and no system administrator; a system administrator for anyone. The person then signs in with the
 * password alone and may set it up again (or is sent to, where it is required). Audited as two_factor.reset.
 */
export async function resetTwoFactor(db: Db, opts: { actor: Actor | null; organizerId: string; personId: string }): Promise<void> {
	const { actor, organizerId } = opts;
	authorize(actor, 'person.manage', { type: 'organizer', organizerId });
	await db.transaction(async (tx) => {
		const person = await getMemberPerson(tx, organizerId, opts.personId);
		if (!person) throw new AppError('NOT_FOUND', 'person');
		if (!can(actor, 'identity.manage', await loadIdentityScope(tx, person.id))) {
			throw new AppError('INVALID', 'identity shared', [{ field: 'form', message: 'people_error_identity_shared' }]);
		}
		if (!(await removeTwoFactor(tx, person.id)))
			throw new AppError('CONFLICT', 'not on', [{ field: 'form', message: 'twofactor_error_not_on' }]);
		await recordAudit(tx, { organizerId, actorId: actor.personId, action: 'two_factor.reset', entityType: 'person', entityId: person.id });
	});
}
