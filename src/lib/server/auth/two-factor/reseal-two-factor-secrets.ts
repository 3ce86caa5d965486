import { and, eq, notLike } from 'drizzle-orm';
import type { Db } from '../../db';
import { twoFactorSecrets } from '../../db/schema';
import { resealStoredSecrets } from '../../crypto/reseal-stored-secrets';
import type { SecretKeyring } from '../../crypto/secrets';
import { findHomeOrganizerId } from '../home-organizer';

/**
 * Seals two-step secrets again where needed (decision 038): plain ones stored before secrets were sealed, and ones
 * sealed under a key that is no longer the current one. Runs at start, reading only such rows; a value no key opens
 * is left as it is (that person signs in with a recovery code and sets two-step verification up again). Each
 * person's row is changed only if nobody set up anew meanwhile, and audited without the secret under the person's
 * home organizer. Returns how many changed.
 */
export function resealTwoFactorSecrets(db: Db, keyring?: SecretKeyring): Promise<number> {
	return resealStoredSecrets(
		db,
		{
			action: 'two_factor.reseal',
			entityType: 'person',
			organizerOf: (tx, row) => findHomeOrganizerId(tx, row.id),
			candidates: async (d, pattern) =>
				(
					await d
						.select({ id: twoFactorSecrets.personId, stored: twoFactorSecrets.secret })
						.from(twoFactorSecrets)
						.where(notLike(twoFactorSecrets.secret, pattern))
				).map((r) => ({ ...r, organizerId: null })),
			replace: async (tx, row, sealed) =>
				(
					await tx
						.update(twoFactorSecrets)
						.set({ secret: sealed })
						.where(and(eq(twoFactorSecrets.personId, row.id), eq(twoFactorSecrets.secret, row.stored)))
						.returning({ id: twoFactorSecrets.personId })
				).length > 0
		},
		keyring
	);
}
