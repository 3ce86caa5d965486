import { and, eq, notLike } from 'drizzle-orm';
import type { Db } from '../../db';
import { twoFactorSecrets } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { appKeyring, currentSealPrefix, needsResealing, readStoredSecret, sealSecret, type SecretKeyring } from '../../crypto/secrets';
import { findHomeOrganizerId } from '../home-organizer';

/**
 * Seals two-step secrets again where needed (decision 038): plain ones stored before secrets were sealed, and ones
 * sealed under a key that is no longer the current one. Runs at start, reading only such rows; a value no key opens
 * is left as it is (that person signs in with a recovery code and sets two-step verification up again). Each
 * person's row is changed only if nobody set up anew meanwhile, and audited without the secret. Returns how many changed.
 */
export async function resealTwoFactorSecrets(db: Db, keyring: SecretKeyring = appKeyring()): Promise<number> {
	const rows = await db
		.select({ personId: twoFactorSecrets.personId, secret: twoFactorSecrets.secret })
		.from(twoFactorSecrets)
		.where(notLike(twoFactorSecrets.secret, `${currentSealPrefix(keyring)}%`));
	let changed = 0;
	for (const row of rows) {
		if (!needsResealing(row.secret, keyring)) continue;
		let sealed: string;
		try {
			sealed = sealSecret(readStoredSecret(row.secret, keyring), keyring);
		} catch {
			continue;
		}
		changed += await db.transaction(async (tx) => {
			const done = await tx
				.update(twoFactorSecrets)
				.set({ secret: sealed })
				.where(and(eq(twoFactorSecrets.personId, row.personId), eq(twoFactorSecrets.secret, row.secret)))
				.returning({ personId: twoFactorSecrets.personId });
			if (!done.length) return 0;
			await recordAudit(tx, {
				organizerId: await findHomeOrganizerId(tx, row.personId),
				actorId: null,
				action: 'two_factor.reseal',
				entityType: 'person',
				entityId: row.personId
			});
			return 1;
		});
	}
	return changed;
}
