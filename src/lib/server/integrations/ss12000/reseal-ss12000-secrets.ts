import { and, eq, isNotNull, notLike } from 'drizzle-orm';
import type { Db } from '../../db';
import { ss12000Configs } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { appKeyring, currentSealPrefix, needsResealing, readStoredSecret, sealSecret, type SecretKeyring } from '../../crypto/secrets';

/**
 * Seals the SS 12000 tokens and client secrets again under the current key (decision 038), at start, as the team
 * channels and two-step secrets are. A value no key opens is left as it is (its sync fails until the secret is saved
 * again). Returns how many changed.
 */
export async function resealSs12000Secrets(db: Db, keyring: SecretKeyring = appKeyring()): Promise<number> {
	const rows = await db
		.select({ organizerId: ss12000Configs.organizerId, stored: ss12000Configs.sealedSecret })
		.from(ss12000Configs)
		.where(and(isNotNull(ss12000Configs.sealedSecret), notLike(ss12000Configs.sealedSecret, `${currentSealPrefix(keyring)}%`)));
	let changed = 0;
	for (const row of rows) {
		if (!row.stored || !needsResealing(row.stored, keyring)) continue;
		let value: string;
		try {
			value = sealSecret(readStoredSecret(row.stored, keyring), keyring);
		} catch {
			continue;
		}
		changed += await db.transaction(async (tx) => {
			// Only if nobody saved a new secret meanwhile.
			const done = await tx
				.update(ss12000Configs)
				.set({ sealedSecret: value })
				.where(and(eq(ss12000Configs.organizerId, row.organizerId), eq(ss12000Configs.sealedSecret, row.stored!)))
				.returning({ organizerId: ss12000Configs.organizerId });
			if (done.length === 0) return 0;
			await recordAudit(tx, {
				organizerId: row.organizerId,
				actorId: null,
				action: 'school_sync.reseal',
				entityType: 'ss12000_config',
				entityId: row.organizerId
			});
			return 1;
		});
	}
	return changed;
}
