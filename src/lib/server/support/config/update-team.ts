import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { supportTeams } from '../../db/schema';
import { diffFields, recordAudit } from '../../audit/record-audit';
import { swedishSortKey } from '../../../sort-key';
import { authorizeConfigure, iso, lockTeam, type ConfigOptions } from './config-common';
import { renameTeamSchema, type RenameTeamInput } from './team-input';
import { parseOrThrow } from '../../errors';

type TeamOptions = ConfigOptions & { teamId: string };

/** Renames one of the organizer's teams (and a supplier's organization name). No change writes nothing. */
export async function renameTeam(db: Db, { actor, organizerId, teamId, input }: TeamOptions & { input: RenameTeamInput }) {
	authorizeConfigure(actor, organizerId);
	const data = parseOrThrow(renameTeamSchema, input);
	return db.transaction(async (tx) => {
		const before = await lockTeam(tx, organizerId, teamId);
		const after = { name: data.name, supplierName: before.line === 3 ? data.supplierName || before.supplierName : null };
		const changes = diffFields(before, { ...before, ...after }, ['name', 'supplierName']);
		if (Object.keys(changes).length === 0) return before;
		const [row] = await tx
			.update(supportTeams)
			.set({ ...after, nameSort: swedishSortKey(data.name) })
			.where(eq(supportTeams.id, before.id))
			.returning();
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'support.team_update',
			entityType: 'support_team',
			entityId: row.id,
			changes
		});
		return row;
	});
}

/**
 * Archives a team (archive = true) or brings it back. An archived team gets no new cases;
 * cases it held keep it. Doing what is already done changes nothing.
 */
export async function setTeamArchived(db: Db, { actor, organizerId, teamId, archive }: TeamOptions & { archive: boolean }) {
	authorizeConfigure(actor, organizerId);
	return db.transaction(async (tx) => {
		const before = await lockTeam(tx, organizerId, teamId);
		if (!!before.archivedAt === archive) return before;
		const [row] = await tx
			.update(supportTeams)
			.set({ archivedAt: archive ? new Date() : null })
			.where(eq(supportTeams.id, before.id))
			.returning();
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: archive ? 'support.team_archive' : 'support.team_restore',
			entityType: 'support_team',
			entityId: row.id,
			changes: { archivedAt: [iso(before.archivedAt), iso(row.archivedAt)] }
		});
		return row;
	});
}
