import { and, eq, isNotNull, notLike } from 'drizzle-orm';
import type { Db } from '../../db';
import { identityProviders } from '../../db/schema';
import { resealStoredSecrets } from '../../crypto/reseal-stored-secrets';
import type { SecretKeyring } from '../../crypto/secrets';

/** Seals the identity providers' client secrets again under the current key at start (decision 038). Returns how many changed. */
export function resealIdentityProviderSecrets(db: Db, keyring?: SecretKeyring): Promise<number> {
	return resealStoredSecrets(
		db,
		{
			action: 'sso.reseal',
			entityType: 'identity_provider',
			candidates: async (d, pattern) =>
				(
					await d
						.select({ id: identityProviders.id, stored: identityProviders.clientSecret, organizerId: identityProviders.organizerId })
						.from(identityProviders)
						.where(and(isNotNull(identityProviders.clientSecret), notLike(identityProviders.clientSecret, pattern)))
				).map((r) => ({ ...r, stored: r.stored! })),
			replace: async (tx, row, sealed) =>
				(
					await tx
						.update(identityProviders)
						.set({ clientSecret: sealed })
						.where(and(eq(identityProviders.id, row.id), eq(identityProviders.clientSecret, row.stored)))
						.returning({ id: identityProviders.id })
				).length > 0
		},
		keyring
	);
}
