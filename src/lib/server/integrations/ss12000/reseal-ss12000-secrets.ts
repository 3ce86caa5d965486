import { and, eq, isNotNull, notLike } from 'drizzle-orm';
import type { Db } from '../../db';
import { ss12000Configs } from '../../db/schema';
import { resealStoredSecrets } from '../../crypto/reseal-stored-secrets';
import type { SecretKeyring } from '../../crypto/secrets';

/**
 * Seals the SS 12000 tokens and client secrets again under the current key (decision 038), at start, as the team
 * channels and two-step secrets are. A value no key opens is left as it is (its sync fails until the secret is saved
 * again). Returns how many changed.
 */
export function resealSs12000Secrets(db: Db, keyring?: SecretKeyring): Promise<number> {
	return resealStoredSecrets(
		db,
		{
			action: 'school_sync.reseal',
			entityType: 'ss12000_config',
			candidates: async (d, pattern) =>
				(
					await d
						.select({ id: ss12000Configs.organizerId, stored: ss12000Configs.sealedSecret })
						.from(ss12000Configs)
						.where(and(isNotNull(ss12000Configs.sealedSecret), notLike(ss12000Configs.sealedSecret, pattern)))
				).map((r) => ({ id: r.id, stored: r.stored!, organizerId: r.id })),
			replace: async (tx, row, sealed) =>
				(
					await tx
						.update(ss12000Configs)
						.set({ sealedSecret: sealed })
						.where(and(eq(ss12000Configs.organizerId, row.id), eq(ss12000Configs.sealedSecret, row.stored)))
						.returning({ id: ss12000Configs.organizerId })
				).length > 0
		},
		keyring
	);
}
