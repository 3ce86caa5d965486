import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { memberships, people, type PendingRole } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policies';
import { swedishSortKey } from '../../sort-key';
import { invitePerson } from './invite-person';
import { parsePersonInput, type PersonInputValues } from './person-input';
import { isUniqueViolation } from '../db/pg-errors';

type PersonRow = typeof people.$inferSelect;

/** A created person, or an invitation to a person who already exists (nothing of whom is returned). */
export type CreatedPerson = { invited: false; person: PersonRow } | { invited: true; invitationId: string };

const emailTaken = () => new AppError('INVALID', 'e-mail taken', [{ field: 'email', message: 'people_error_email_taken' }]);
const eppnTaken = () => new AppError('INVALID', 'eppn taken', [{ field: 'eppn', message: 'people_error_eppn_taken' }]);

/**
 * Adds a person to the organizer's people list (decision 018).
 * - A new e-mail creates the person and the membership (audited as person.create).
 * - An e-mail already in this organizer is refused with people_error_email_taken on the e-mail field.
 * - An e-mail of a person who exists elsewhere creates a pending invitation the person accepts: no
 *   membership, and none of the person's fields are read back, changed or returned. `roles` (from an
 *   import) are given on acceptance.
 * Unique violations from concurrent requests are turned into the same field errors.
 */
export async function createPerson(
	db: Db,
	{ actor, organizerId, input, roles }: { actor: Actor | null; organizerId: string; input: PersonInputValues; roles?: PendingRole[] }
): Promise<CreatedPerson> {
	authorize(actor, 'person.manage', { type: 'organizer', organizerId });
	const data = parsePersonInput(input);
	return db.transaction(async (tx) => {
		const [existing] = await tx.select({ id: people.id }).from(people).where(eq(people.email, data.email));
		if (existing) {
			const [member] = await tx
				.select({ personId: memberships.personId })
				.from(memberships)
				.where(and(eq(memberships.organizerId, organizerId), eq(memberships.personId, existing.id)));
			if (member) throw emailTaken();
			const { invitationId } = await invitePerson(tx, {
				actor,
				organizerId,
				personId: existing.id,
				email: data.email,
				invitedName: data.name,
				roles
			});
			return { invited: true, invitationId };
		}
		if (data.eppn) {
			const [other] = await tx.select({ id: people.id }).from(people).where(eq(people.eppn, data.eppn));
			if (other) throw eppnTaken();
		}
		let person: PersonRow;
		try {
			[person] = await tx
				.insert(people)
				.values({
					name: data.name,
					nameSort: swedishSortKey(data.name),
					email: data.email,
					eppn: data.eppn,
					protectedIdentity: data.protectedIdentity
				})
				.returning();
		} catch (e) {
			if (isUniqueViolation(e, 'people_eppn_unique')) throw eppnTaken();
			if (isUniqueViolation(e)) throw emailTaken();
			throw e;
		}
		await tx.insert(memberships).values({ organizerId, personId: person.id });
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'person.create',
			entityType: 'person',
			entityId: person.id,
			changes: {
				name: [null, person.name],
				email: [null, person.email],
				eppn: [null, person.eppn],
				protectedIdentity: [null, person.protectedIdentity]
			}
		});
		return { invited: false, person };
	});
}
