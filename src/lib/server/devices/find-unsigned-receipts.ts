import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceEvents, deviceReceiptReminders, deviceReceiptSignatures, devices, units } from '../db/schema';
import { authorize, can, type Actor } from '../policies';
import { shownNamesById } from '../support/privacy/shown-names';
import { loadDeviceScope } from './device-scope';

/** At most this many rows: a school start's worth for one unit. */
export const UNSIGNED_LIMIT = 500;

/**
 * The hand-outs whose receipt is not signed yet (decision 071), for those who manage the devices: the devices still
 * held by the person they were handed to (a returned device's receipt no longer waits), newest first, at the units the
 * actor manages, each with how many reminders its receiver has had (decision 071, addendum). The setting is the page's
 * to show; this lists regardless, so turning it on shows what is missing.
 */
export async function findUnsignedReceipts(db: Db, opts: { actor: Actor | null; organizerId: string }) {
	authorize(opts.actor, 'devices.manage', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const { resource } = await loadDeviceScope(db, opts.organizerId);
	const rows = await db
		.select({
			eventId: deviceEvents.id,
			deviceId: devices.id,
			tag: devices.assetTag,
			unitId: devices.unitId,
			unitName: units.name,
			personId: deviceEvents.personId,
			at: deviceEvents.createdAt,
			signatureId: deviceReceiptSignatures.id
		})
		.from(deviceEvents)
		.innerJoin(devices, and(eq(devices.id, deviceEvents.deviceId), eq(devices.holderId, deviceEvents.personId)))
		.innerJoin(units, eq(units.id, devices.unitId))
		.leftJoin(deviceReceiptSignatures, eq(deviceReceiptSignatures.eventId, deviceEvents.id))
		.where(
			and(
				eq(deviceEvents.organizerId, opts.organizerId),
				inArray(deviceEvents.kind, ['handed_out', 'loaned', 'pool_loaned']),
				inArray(devices.status, ['handed_out', 'on_loan'])
			)
		)
		.orderBy(desc(deviceEvents.createdAt), desc(deviceEvents.id))
		.limit(UNSIGNED_LIMIT * 10);
	// Only the latest hand-out of each device counts (an earlier one to the same person came back or was undone).
	const seen = new Set<string>();
	const latest = rows.filter((r) => {
		if (seen.has(r.deviceId)) return false;
		seen.add(r.deviceId);
		return true;
	});
	const shown = latest.filter((r) => !r.signatureId && can(actor, 'devices.manage', resource(r.unitId))).slice(0, UNSIGNED_LIMIT);
	const reminded = shown.length
		? new Map(
				(
					await db
						.select({ eventId: deviceReceiptReminders.eventId, n: count() })
						.from(deviceReceiptReminders)
						.where(
							inArray(
								deviceReceiptReminders.eventId,
								shown.map((r) => r.eventId)
							)
						)
						.groupBy(deviceReceiptReminders.eventId)
				).map((r) => [r.eventId, Number(r.n)])
			)
		: new Map<string, number>();
	const names = await shownNamesById(db, {
		actor,
		organizerId: opts.organizerId,
		personIds: shown.map((r) => r.personId),
		via: 'devices.device'
	});
	return shown.map((r) => ({
		eventId: r.eventId,
		deviceId: r.deviceId,
		tag: r.tag,
		unitName: r.unitName,
		at: r.at,
		personName: r.personId ? (names.get(r.personId) ?? '') : '',
		reminders: reminded.get(r.eventId) ?? 0
	}));
}
