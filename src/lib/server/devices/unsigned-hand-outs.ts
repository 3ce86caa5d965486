import { and, desc, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceEvents, deviceReceiptSignatures, devices, people, units } from '../db/schema';

/** The device events a receipt is for (decision 071). */
export const RECEIPT_KINDS = ['handed_out', 'loaned', 'pool_loaned'];

/**
 * The organizer's hand-outs whose receipt is unsigned and still owed: the latest hand-out or loan of each device still
 * held by the person it was handed to (an earlier one to the same person came back or was undone; a returned device's
 * receipt no longer waits), newest first. `since` keeps hand-outs made from then on; `activeReceivers` those whose
 * receiver is an active person; `scan` caps the events read (a school start's worth several times over). The one
 * query behind the kvitton list (findUnsignedReceipts) and the reminders (sendReceiptReminders).
 */
export async function findUnsignedHandOuts(db: Db, o: { organizerId: string; since?: Date; activeReceivers?: boolean; scan?: number }) {
	const query = db
		.select({
			eventId: deviceEvents.id,
			deviceId: devices.id,
			tag: devices.assetTag,
			unitId: devices.unitId,
			unitName: units.name,
			personId: people.id,
			email: people.email,
			at: deviceEvents.createdAt,
			signatureId: deviceReceiptSignatures.id
		})
		.from(deviceEvents)
		.innerJoin(devices, and(eq(devices.id, deviceEvents.deviceId), eq(devices.holderId, deviceEvents.personId)))
		.innerJoin(units, eq(units.id, devices.unitId))
		.innerJoin(people, eq(people.id, deviceEvents.personId))
		.leftJoin(deviceReceiptSignatures, eq(deviceReceiptSignatures.eventId, deviceEvents.id))
		.where(
			and(
				eq(deviceEvents.organizerId, o.organizerId),
				inArray(deviceEvents.kind, RECEIPT_KINDS),
				inArray(devices.status, ['handed_out', 'on_loan']),
				o.since ? gte(deviceEvents.createdAt, o.since) : undefined,
				o.activeReceivers ? eq(people.status, 'active') : undefined
			)
		)
		.orderBy(desc(deviceEvents.createdAt), desc(deviceEvents.id));
	const rows = await (o.scan ? query.limit(o.scan) : query);
	const seen = new Set<string>();
	return rows
		.filter((r) => {
			if (seen.has(r.deviceId)) return false;
			seen.add(r.deviceId);
			return true;
		})
		.filter((r) => !r.signatureId)
		.map(({ signatureId: _, ...r }) => r);
}
