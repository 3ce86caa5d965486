import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { membershipInvitations, organizers, people } from '../db/schema';
import { authorize, type Actor } from '../policies';
import { isUuid } from '../ids';

const pending = eq(membershipInvitations.status, 'pending');

/** The signed-in person's pending invitations, with the inviting organizer's name. */
export async function findOwnInvitations(db: Db, { actor }: { actor: Actor }) {
	return db
		.select({ id: membershipInvitations.id, organizerName: organizers.name, createdAt: membershipInvitations.createdAt })
		.from(membershipInvitations)
		.innerJoin(organizers, eq(organizers.id, membershipInvitations.organizerId))
		.where(and(pending, eq(membershipInvitations.personId, actor.personId)))
		.orderBy(desc(membershipInvitations.createdAt));
}

/**
 * An organizer's pending invitations as its administrators typed them (name and address): nothing of the
 * invited person's own record.
 */
export async function findOrganizerInvitations(db: Db, { actor, organizerId }: { actor: Actor | null; organizerId: string }) {
	authorize(actor, 'person.manage', { type: 'organizer', organizerId });
	return db
		.select({
			id: membershipInvitations.id,
			name: membershipInvitations.invitedName,
			email: membershipInvitations.invitedEmail,
			createdAt: membershipInvitations.createdAt
		})
		.from(membershipInvitations)
		.where(and(pending, eq(membershipInvitations.organizerId, organizerId)))
		.orderBy(desc(membershipInvitations.createdAt));
}

/** Every pending invitation of the installation, for a system administrator to approve on the person's behalf. */
export async function findPendingInvitations(db: Db, { actor }: { actor: Actor | null }) {
	authorize(actor, 'instance.administer', { type: 'instance' });
	return db
		.select({
			id: membershipInvitations.id,
			organizerName: organizers.name,
			personName: people.name,
			email: people.email,
			createdAt: membershipInvitations.createdAt
		})
		.from(membershipInvitations)
		.innerJoin(organizers, eq(organizers.id, membershipInvitations.organizerId))
		.innerJoin(people, eq(people.id, membershipInvitations.personId))
		.where(pending)
		.orderBy(desc(membershipInvitations.createdAt));
}

/** The organizer of an invitation the signed-in person has answered, for the confirmation after answering; else null. */
export async function getAnsweredInvitation(db: Db, { actor, invitationId }: { actor: Actor; invitationId: string }) {
	if (!isUuid(invitationId)) return null;
	const [row] = await db
		.select({ organizerName: organizers.name, status: membershipInvitations.status })
		.from(membershipInvitations)
		.innerJoin(organizers, eq(organizers.id, membershipInvitations.organizerId))
		.where(
			and(
				eq(membershipInvitations.id, invitationId),
				eq(membershipInvitations.personId, actor.personId),
				inArray(membershipInvitations.status, ['accepted', 'declined'])
			)
		);
	return row ?? null;
}
