import type { Db } from '../db';
import { AppError } from '../errors';
import { authorize, can, type Actor } from '../policies';
import { getMemberPerson } from './queries';
import { recordProtectedViews } from './record-protected-views';

/**
 * One member of the organizer. NOT_FOUND for a person of another organizer (or a malformed id)
 * and for a protected person the actor may not see, so neither reveals that the person exists.
 * Every view of a protected person is audited (person.view_protected).
 */
export async function getPersonById(
	db: Db,
	{ actor, organizerId, personId }: { actor: Actor | null; organizerId: string; personId: string }
) {
	authorize(actor, 'person.view', { type: 'person', organizerId, protectedIdentity: false });
	const person = await getMemberPerson(db, organizerId, personId);
	if (!person) throw new AppError('NOT_FOUND', 'person');
	if (!can(actor, 'person.view', { type: 'person', organizerId, protectedIdentity: person.protectedIdentity })) {
		throw new AppError('NOT_FOUND', 'person');
	}
	if (person.protectedIdentity) await recordProtectedViews(db, { actor, organizerId, personIds: [person.id], via: 'detail' });
	return person;
}
