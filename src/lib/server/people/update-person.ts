import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db';
import { people } from '../db/schema';
import { diffFields, recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { authorize, can, type Actor } from '../policies';
import { swedishSortKey } from '../../sort-key';
import { endAccessAfterEmailChange } from './email-change';
import { loadIdentityScope } from './identity-scope';
import { parsePersonInput, type PersonInputValues } from './person-input';
import { getMemberPerson } from './queries';
import { isUniqueViolation } from '../db/pg-errors';

const FIELDS = ['name', 'email', 'eppn', 'protectedIdentity'] as const;

/**
 * Changes a member's name, e-mail, eppn and protected-identity flag; audits the changed fields
 * (person.update). These fields are the person's identity, which belongs to the installation (decision 018):
 * an organizer's administrator may change them only for a person who is a member of their organizer alone
 * and is no system administrator; otherwise only the person or a system administrator may
 * (INVALID people_error_identity_shared on the form). A changed e-mail ends the person's sessions, cancels
 * open reset links and tells the old address. NOT_FOUND when the person is not a member of this organizer.
 */
export async function updatePerson(
	db: Db,
	{ actor, organizerId, personId, input }: { actor: Actor | null; organizerId: string; personId: string; input: PersonInputValues }
) {
	authorize(actor, 'person.manage', { type: 'organizer', organizerId });
	const data = parsePersonInput(input);
	return db.transaction(async (tx) => {
		const before = await getMemberPerson(tx, organizerId, personId);
		if (!before) throw new AppError('NOT_FOUND', 'person');
		const changes = diffFields(before, { ...before, ...data }, [...FIELDS]);
		if (Object.keys(changes).length === 0) return before;
		if (!can(actor, 'identity.manage', await loadIdentityScope(tx, before.id))) {
			throw new AppError('INVALID', 'identity shared', [{ field: 'name', message: 'people_error_identity_shared' }]);
		}
		const [sameEmail] = await tx
			.select({ id: people.id })
			.from(people)
			.where(and(eq(people.email, data.email), ne(people.id, before.id)));
		if (sameEmail) throw new AppError('INVALID', 'e-mail taken', [{ field: 'email', message: 'people_error_email_in_use' }]);
		if (data.eppn) {
			const [sameEppn] = await tx
				.select({ id: people.id })
				.from(people)
				.where(and(eq(people.eppn, data.eppn), ne(people.id, before.id)));
			if (sameEppn) throw new AppError('INVALID', 'eppn taken', [{ field: 'eppn', message: 'people_error_eppn_taken' }]);
		}
		let after: typeof before;
		try {
			[after] = await tx
				.update(people)
				.set({ ...data, nameSort: swedishSortKey(data.name), updatedAt: new Date() })
				.where(eq(people.id, before.id))
				.returning();
		} catch (e) {
			if (isUniqueViolation(e, 'people_eppn_unique'))
				throw new AppError('INVALID', 'eppn taken', [{ field: 'eppn', message: 'people_error_eppn_taken' }]);
			if (isUniqueViolation(e)) throw new AppError('INVALID', 'e-mail taken', [{ field: 'email', message: 'people_error_email_in_use' }]);
			throw e;
		}
		if (after.email !== before.email)
			await endAccessAfterEmailChange(tx, { personId: before.id, name: before.name, oldEmail: before.email });
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'person.update',
			entityType: 'person',
			entityId: after.id,
			changes
		});
		return after;
	});
}
