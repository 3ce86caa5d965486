import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { ss12000Configs } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { hashToken } from '../../auth/tokens';
import { env } from '../../env';
import { Ss12000Error, type Ss12000Client } from './client';

/** A subscription is renewed when it has less than this left (the job runs hourly, so there is time to retry). */
export const RENEW_BEFORE_MS = 24 * 60 * 60_000;
/** A server that did not offer subscriptions, or failed, is asked again after this long. */
export const RETRY_AFTER_MS = 24 * 60 * 60_000;

/** Our public address for one configuration's notifications: the secret is the path's last segment. */
export const notificationUrl = (origin: string, token: string) => `${origin.replace(/\/+$/, '')}/api/ss12000/notifications/${token}`;

/**
 * After a successful real sync (decision 051 addendum): makes sure the SS 12000 server notifies us of changes. With no
 * subscription, or one that expires within a day, a new one is created with a new secret address (only its hash is
 * kept) and the old one removed, so a leaked address stops working at the next renewal. A server that does not offer
 * subscriptions (404/405/501) or fails is noted and asked again a day later; the hourly delta covers the gap.
 * `origin` is the installation's public address (tests give their local receiver's).
 */
export async function ensureSs12000Subscription(
	db: Db,
	{
		organizerId,
		client,
		now = new Date(),
		origin = env.ORIGIN
	}: { organizerId: string; client: Ss12000Client; now?: Date; origin?: string }
) {
	const [config] = await db.select().from(ss12000Configs).where(eq(ss12000Configs.organizerId, organizerId));
	if (!config?.syncedUntil) return 'not_synced' as const;
	const fresh =
		config.subscriptionState === 'active' &&
		config.subscriptionExpires &&
		config.subscriptionExpires.getTime() - now.getTime() > RENEW_BEFORE_MS;
	if (fresh) return 'active' as const;
	const waiting =
		(config.subscriptionState === 'unsupported' || config.subscriptionState === 'failed') &&
		config.subscriptionCheckedAt &&
		now.getTime() - config.subscriptionCheckedAt.getTime() < RETRY_AFTER_MS;
	if (waiting) return config.subscriptionState as 'unsupported' | 'failed';

	const token = randomBytes(32).toString('base64url');
	let created: Awaited<ReturnType<Ss12000Client['subscribe']>> | undefined;
	try {
		created = await client.subscribe({
			name: 'Rödtråd',
			target: notificationUrl(origin, token),
			resourceTypes: ['Organisation', 'Person', 'Duty', ...(config.syncGroups ? ['Group'] : [])].map((resource) => ({ resource }))
		});
	} catch (e) {
		if (!(e instanceof Ss12000Error)) throw e;
		created = undefined;
	}
	const state = created ? 'active' : created === null ? 'unsupported' : 'failed';
	await db.transaction(async (tx) => {
		await tx
			.update(ss12000Configs)
			.set(
				created
					? {
							notifyTokenHash: hashToken(token),
							subscriptionId: created.id,
							subscriptionExpires: new Date(created.expires),
							subscriptionState: state,
							subscriptionCheckedAt: now
						}
					: { subscriptionState: state, subscriptionCheckedAt: now }
			)
			.where(eq(ss12000Configs.organizerId, organizerId));
		if (state !== config.subscriptionState || created)
			await recordAudit(tx, {
				organizerId,
				actorId: null,
				action: 'school_sync.subscribe',
				entityType: 'ss12000_config',
				entityId: organizerId,
				changes: { state, expires: created?.expires ?? null, replaced: created && config.subscriptionId ? config.subscriptionId : null }
			});
	});
	// The old subscription goes after the new one is stored; if this fails it simply expires.
	if (created && config.subscriptionId && config.subscriptionId !== created.id)
		await client.unsubscribe(config.subscriptionId).catch(() => undefined);
	return state;
}
