import { and, eq, isNotNull, notLike, or } from 'drizzle-orm';
import type { Db } from '../db';
import { supportTeams, teamChannels } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { appKeyring, currentSealPrefix, needsResealing, readStoredSecret, sealSecret, type SecretKeyring } from '../crypto/secrets';

/**
 * Seals the team channel addresses again where needed (decision 038): plain ones saved before addresses were
 * sealed, and ones sealed under a key that is no longer the current one. Runs at start; a value no key in the
 * keyring opens is left as it is (its channel fails until someone saves the address again). Returns how many addresses changed.
 */
export async function resealTeamChannels(db: Db, keyring: SecretKeyring = appKeyring()): Promise<number> {
	const current = `${currentSealPrefix(keyring)}%`;
	const rows = await db
		.select({
			teamId: teamChannels.teamId,
			organizerId: supportTeams.organizerId,
			teamsUrl: teamChannels.teamsUrl,
			googleChatUrl: teamChannels.googleChatUrl
		})
		.from(teamChannels)
		.innerJoin(supportTeams, eq(supportTeams.id, teamChannels.teamId))
		// Only rows with a value that is plain or sealed under an older key: a start-up with nothing to do reads nothing.
		.where(
			or(
				and(isNotNull(teamChannels.teamsUrl), notLike(teamChannels.teamsUrl, current)),
				and(isNotNull(teamChannels.googleChatUrl), notLike(teamChannels.googleChatUrl, current))
			)
		);
	let changed = 0;
	for (const row of rows) {
		changed += await db.transaction(async (tx) => {
			const sealed: string[] = [];
			for (const key of ['teamsUrl', 'googleChatUrl'] as const) {
				const stored = row[key];
				if (!stored || !needsResealing(stored, keyring)) continue;
				let value: string;
				try {
					value = sealSecret(readStoredSecret(stored, keyring), keyring);
				} catch {
					continue; // Unreadable with this keyring: kept, and reported by the channel job when it tries to send.
				}
				// Only if nobody saved a new address meanwhile (another server process may be saving or sealing too).
				const done = await tx
					.update(teamChannels)
					.set({ [key]: value })
					.where(and(eq(teamChannels.teamId, row.teamId), eq(teamChannels[key], stored)))
					.returning({ teamId: teamChannels.teamId });
				if (done.length) sealed.push(key);
			}
			// Not an actor's step but the start-up's, audited without the addresses: which fields were sealed anew.
			if (sealed.length) {
				await recordAudit(tx, {
					organizerId: row.organizerId,
					actorId: null,
					action: 'notifications.team_channels_reseal',
					entityType: 'support_team',
					entityId: row.teamId,
					changes: { sealed }
				});
			}
			return sealed.length;
		});
	}
	return changed;
}
