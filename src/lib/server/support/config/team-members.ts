import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { memberships, people, supportTeamMembers } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { authorizeConfigure, lockTeam, type ConfigOptions } from './config-common';
import { isUuid } from '../../ids';

type MemberOptions = ConfigOptions & { teamId: string; personId: string };

const choosePerson = () => new AppError('INVALID', 'Okänd person', [{ field: 'personId', message: 'support_error_choose_person' }]);

/**
 * Adds an active member of the organizer to one of its teams; they then work the team's cases.
 * Someone outside the organizer is refused with a field message; adding a member twice changes nothing.
 */
export async function addTeamMember(db: Db, { actor, organizerId, teamId, personId }: MemberOptions) {
	authorizeConfigure(actor, organizerId);
	return db.transaction(async (tx) => {
		const team = await lockTeam(tx, organizerId, teamId);
		if (!isUuid(personId)) throw choosePerson();
		const [person] = await tx
			.select({ id: people.id, name: people.name })
			.from(people)
			.innerJoin(memberships, and(eq(memberships.personId, people.id), eq(memberships.organizerId, organizerId)))
			.where(and(eq(people.id, personId), eq(people.status, 'active')));
		if (!person) throw choosePerson();
		const added = await tx.insert(supportTeamMembers).values({ teamId: team.id, personId: person.id }).onConflictDoNothing().returning();
		if (added.length === 0) return false;
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'support.team_member_add',
			entityType: 'support_team',
			entityId: team.id,
			changes: { member: [null, { id: person.id, name: person.name }] }
		});
		return true;
	});
}

/** Takes a person off one of the organizer's teams. Someone not on the team changes nothing. */
export async function removeTeamMember(db: Db, { actor, organizerId, teamId, personId }: MemberOptions) {
	authorizeConfigure(actor, organizerId);
	return db.transaction(async (tx) => {
		const team = await lockTeam(tx, organizerId, teamId);
		if (!isUuid(personId)) throw choosePerson();
		const removed = await tx
			.delete(supportTeamMembers)
			.where(and(eq(supportTeamMembers.teamId, team.id), eq(supportTeamMembers.personId, personId)))
			.returning();
		if (removed.length === 0) return false;
		const [person] = await tx.select({ name: people.name }).from(people).where(eq(people.id, personId));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'support.team_member_remove',
			entityType: 'support_team',
			entityId: team.id,
			changes: { member: [{ id: personId, name: person?.name ?? null }, null] }
		});
		return true;
	});
}
