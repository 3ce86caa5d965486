import { and, eq, notLike } from 'drizzle-orm';
import type { Db } from '../../db';
import { webhookSubscriptions } from '../../db/schema';
import { resealStoredSecrets } from '../../crypto/reseal-stored-secrets';
import type { SecretKeyring } from '../../crypto/secrets';

/** Seals the webhook subscriptions' signing secrets again under the current key at start (decision 038). Returns how many changed. */
export function resealWebhookSecrets(db: Db, keyring?: SecretKeyring): Promise<number> {
	return resealStoredSecrets(
		db,
		{
			action: 'webhook.reseal',
			entityType: 'webhook_subscription',
			candidates: (d, pattern) =>
				d
					.select({ id: webhookSubscriptions.id, stored: webhookSubscriptions.secretSealed, organizerId: webhookSubscriptions.organizerId })
					.from(webhookSubscriptions)
					.where(notLike(webhookSubscriptions.secretSealed, pattern)),
			replace: async (tx, row, sealed) =>
				(
					await tx
						.update(webhookSubscriptions)
						.set({ secretSealed: sealed })
						.where(and(eq(webhookSubscriptions.id, row.id), eq(webhookSubscriptions.secretSealed, row.stored)))
						.returning({ id: webhookSubscriptions.id })
				).length > 0
		},
		keyring
	);
}
