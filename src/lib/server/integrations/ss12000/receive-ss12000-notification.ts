import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { ss12000Configs } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { hashToken } from '../../auth/tokens';
import { AppError } from '../../errors';

/**
 * A notification from an organizer's SS 12000 server (decision 051 addendum). Its body is never read: it only says
 * "something changed", so it asks the sync job for a prompt delta. The secret in the address finds the configuration
 * (by its hash); an unknown one is NOT_FOUND. While a sync is already asked for, more notifications change nothing
 * (coalesced into that one), and the job takes requests once a minute, so a flood of notifications costs at most one
 * delta a minute; one that asks is audited. A notification that arrives during a sync asks for the next one, so no
 * change is missed. Returns whether the job should be woken.
 */
export async function receiveSs12000Notification(db: Db, { token, now = new Date() }: { token: string; now?: Date }) {
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new AppError('NOT_FOUND', 'unknown notification address');
	const hash = hashToken(token);
	return db.transaction(async (tx) => {
		const [config] = await tx
			.select({ organizerId: ss12000Configs.organizerId })
			.from(ss12000Configs)
			.where(eq(ss12000Configs.notifyTokenHash, hash));
		if (!config) throw new AppError('NOT_FOUND', 'unknown notification address');
		// One statement decides: only a configuration that has synced once and has nothing asked for yet.
		const asked = await tx
			.update(ss12000Configs)
			.set({ requestedMode: 'auto', requestedBy: null, notifiedAt: now })
			.where(
				and(eq(ss12000Configs.organizerId, config.organizerId), isNull(ss12000Configs.requestedMode), isNotNull(ss12000Configs.syncedUntil))
			)
			.returning({ organizerId: ss12000Configs.organizerId });
		if (!asked.length) return { requested: false };
		await recordAudit(tx, {
			organizerId: config.organizerId,
			actorId: null,
			action: 'school_sync.notified',
			entityType: 'ss12000_config',
			entityId: config.organizerId
		});
		return { requested: true };
	});
}
