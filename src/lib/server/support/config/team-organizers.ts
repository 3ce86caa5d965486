import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { organizers, supportTeamOrganizers } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { can } from '../../policies';
import { authorizeConfigure, configScope, lockTeam, type ConfigOptions } from './config-common';
import { isUuid } from '../../ids';

type ServedOptions = ConfigOptions & { teamId: string; servedId: string };

const chooseOrganizer = () =>
	new AppError('INVALID', 'Okänd huvudman', [{ field: 'servedId', message: 'supportadmin_error_choose_organizer' }]);

/**
 * Lets one of the organizer's teams serve another organizer as well. The administrator must
 * configure support for that organizer too; otherwise (or for an unknown id) a field message,
 * so nothing is revealed about organizers they do not administer. Adding twice changes nothing.
 */
export async function addTeamOrganizer(db: Db, { actor, organizerId, teamId, servedId }: ServedOptions) {
	authorizeConfigure(actor, organizerId);
	return db.transaction(async (tx) => {
		const team = await lockTeam(tx, organizerId, teamId);
		if (!isUuid(servedId) || !can(actor, 'support.configure', configScope(servedId))) throw chooseOrganizer();
		const [served] = await tx.select({ id: organizers.id, name: organizers.name }).from(organizers).where(eq(organizers.id, servedId));
		if (!served) throw chooseOrganizer();
		const added = await tx
			.insert(supportTeamOrganizers)
			.values({ teamId: team.id, organizerId: served.id })
			.onConflictDoNothing()
			.returning();
		if (added.length === 0) return false;
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'support.team_organizer_add',
			entityType: 'support_team',
			entityId: team.id,
			changes: { serves: [null, { id: served.id, name: served.name }] }
		});
		return true;
	});
}

/** Stops a team serving another organizer. The owning organizer cannot be removed (CONFLICT). */
export async function removeTeamOrganizer(db: Db, { actor, organizerId, teamId, servedId }: ServedOptions) {
	authorizeConfigure(actor, organizerId);
	return db.transaction(async (tx) => {
		const team = await lockTeam(tx, organizerId, teamId);
		if (servedId === team.organizerId)
			throw new AppError('CONFLICT', 'Ägaren', [{ field: 'servedId', message: 'supportadmin_error_owner_served' }]);
		if (!isUuid(servedId)) throw chooseOrganizer();
		const removed = await tx
			.delete(supportTeamOrganizers)
			.where(and(eq(supportTeamOrganizers.teamId, team.id), eq(supportTeamOrganizers.organizerId, servedId)))
			.returning();
		if (removed.length === 0) return false;
		const [served] = await tx.select({ name: organizers.name }).from(organizers).where(eq(organizers.id, servedId));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'support.team_organizer_remove',
			entityType: 'support_team',
			entityId: team.id,
			changes: { serves: [{ id: servedId, name: served?.name ?? null }, null] }
		});
		return true;
	});
}
