import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceSettings } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { authorize, type Actor } from '../policies';

/**
 * Whether the organizer's hand-outs need a signed receipt (decision 071). Organizer-wide device managers only
 * (devices.models: administrators and central technical support); a checkbox, so anything but "on" is off. Audited
 * with the value before and after, in one transaction.
 */
export async function setReceiptsRequired(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; input: { receiptsRequired?: string } }
) {
	authorize(opts.actor, 'devices.models', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const next = opts.input.receiptsRequired === 'on' || opts.input.receiptsRequired === 'true';
	return db.transaction(async (tx) => {
		const [before] = await tx.select().from(deviceSettings).where(eq(deviceSettings.organizerId, opts.organizerId)).for('update');
		const previous = before?.receiptsRequired ?? false;
		await tx
			.insert(deviceSettings)
			.values({ organizerId: opts.organizerId, receiptsRequired: next })
			.onConflictDoUpdate({ target: deviceSettings.organizerId, set: { receiptsRequired: next, updatedAt: new Date() } });
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: 'device.settings',
			entityType: 'organizer',
			entityId: opts.organizerId,
			changes: { receiptsRequired: [previous, next] }
		});
		return { receiptsRequired: next };
	});
}
