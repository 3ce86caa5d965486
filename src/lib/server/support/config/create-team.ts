import type { Db } from '../../db';
import { supportTeamOrganizers, supportTeams } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { swedishSortKey } from '../../../sort-key';
import { authorizeConfigure, type ConfigOptions } from './config-common';
import { createTeamSchema, type CreateTeamInput } from './team-input';
import { parseOrThrow } from '../../errors';

/**
 * Adds a 2nd-line team or a 3rd-line supplier to one of the organizer's chains. The team
 * serves its own organizer from the start. Returns the new team.
 */
export async function createTeam(db: Db, { actor, organizerId, input }: ConfigOptions & { input: CreateTeamInput }) {
	authorizeConfigure(actor, organizerId);
	const data = parseOrThrow(createTeamSchema, input);
	return db.transaction(async (tx) => {
		const [team] = await tx
			.insert(supportTeams)
			.values({
				organizerId,
				name: data.name,
				nameSort: swedishSortKey(data.name),
				chain: data.chain,
				line: data.line,
				supplierName: data.supplierName
			})
			.returning();
		await tx.insert(supportTeamOrganizers).values({ teamId: team.id, organizerId });
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'support.team_create',
			entityType: 'support_team',
			entityId: team.id,
			changes: { name: [null, team.name], chain: [null, team.chain], line: [null, team.line], supplierName: [null, team.supplierName] }
		});
		return team;
	});
}
