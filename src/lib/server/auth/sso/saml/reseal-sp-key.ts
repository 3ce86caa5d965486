import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db';
import { instanceSettings } from '../../../db/schema';
import { resealStoredSecrets } from '../../../crypto/reseal-stored-secrets';
import type { SecretKeyring } from '../../../crypto/secrets';
import { SP_KEY_SETTING } from './sp-key';

/**
 * Seals the installation's SAML private key again under the current installation key at start (decisions 038, 054),
 * so it still opens once the old key has left SECRET_KEYS_OLD. Returns 1 when it changed, else 0.
 */
export function resealSamlServiceProviderKey(db: Db, keyring?: SecretKeyring): Promise<number> {
	const stored = sql<string>`${instanceSettings.value}->>'privateKey'`;
	return resealStoredSecrets(
		db,
		{
			action: 'sso.reseal',
			entityType: 'saml_sp_key',
			candidates: async (d, pattern) =>
				(
					await d
						.select({ stored })
						.from(instanceSettings)
						.where(and(eq(instanceSettings.key, SP_KEY_SETTING), sql`${stored} not like ${pattern}`))
				).map((r) => ({ id: SP_KEY_SETTING, stored: r.stored, organizerId: null })),
			replace: async (tx, row, sealed) =>
				(
					await tx
						.update(instanceSettings)
						.set({ value: sql`jsonb_set(${instanceSettings.value}, '{privateKey}', to_jsonb(${sealed}::text))`, updatedAt: new Date() })
						.where(and(eq(instanceSettings.key, SP_KEY_SETTING), sql`${stored} = ${row.stored}`))
						.returning({ key: instanceSettings.key })
				).length > 0
		},
		keyring
	);
}
