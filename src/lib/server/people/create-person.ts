import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { memberships, people } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policies';
import { swedishSortKey } from '../../sort-key';
import { parsePersonInput, type PersonInputValues } from './person-input';
import { isUniqueViolation } from './queries';

type PersonRow = typeof people.$inferSelect;

/** The person row, and whether an existing person (of another organizer) was added rather than created. */
export type CreatedPerson = PersonRow & { joinedExisting: boolean };

const emailTaken = () =>
	new AppError('INVALID', 'e-mail taken', [{ field: 'email', message: 'people_error_email_taken' }]);
const eppnTaken = () =>
	new AppError('INVALID', 'eppn taken', [{ field: 'eppn', message: 'people_error_eppn_taken' }]);

/**
 * Adds a person to the organizer's people list.
 * - A new e-mail creates the person and the membership (audited as person.create).
 * - An e-mail already in this organizer is refused with people_error_email_taken on the e-mail field.
 * - An e-mail that belongs to a person of other organizers only adds a membership here
 *   (a shared team); that person's name, eppn and flags are left as they are (audited as
 *   membership.create). The returned row then has `joinedExisting: true`.
 * Unique violations from concurrent requests are turned into the same field errors.
 */
export async function createPerson(
	db: Db,
	{ actor, organizerId, input }: { actor: Actor | null; organizerId: string; input: PersonInputValues }
): Promise<CreatedPerson> {
	authorize(actor, 'person.manage', { type: 'organizer', organizerId });
	const data = parsePersonInput(input);
	return db.transaction(async (tx) => {
		const [existing] = await tx.select().from(people).where(eq(people.email, data.email));
		if (existing) {
			const [member] = await tx
				.select({ personId: memberships.personId })
				.from(memberships)
				.where(and(eq(memberships.organizerId, organizerId), eq(memberships.personId, existing.id)));
			if (member) throw emailTaken();
			try {
				await tx.insert(memberships).values({ organizerId, personId: existing.id });
			} catch (e) {
				if (isUniqueViolation(e)) throw emailTaken();
				throw e;
			}
			await recordAudit(tx, {
				organizerId,
				actorId: actor.personId,
				action: 'membership.create',
				entityType: 'person',
				entityId: existing.id,
				changes: { email: existing.email, organizerId: [null, organizerId] }
			});
			return { ...existing, joinedExisting: true };
		}
		if (data.eppn) {
			const [other] = await tx.select({ id: people.id }).from(people).where(eq(people.eppn, data.eppn));
			if (other) throw eppnTaken();
		}
		let person: PersonRow;
		try {
			[person] = await tx
				.insert(people)
				.values({ name: data.name, nameSort: swedishSortKey(data.name), email: data.email, eppn: data.eppn, protectedIdentity: data.protectedIdentity })
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
		return { ...person, joinedExisting: false };
	});
}
