import { count, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceReceiptReminders } from '../db/schema';
import { authorize, can, type Actor } from '../policies';
import { shownNamesById } from '../support/privacy/shown-names';
import { loadDeviceScope } from './device-scope';
import { findUnsignedHandOuts } from './unsigned-hand-outs';

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
	const unsigned = await findUnsignedHandOuts(db, { organizerId: opts.organizerId, scan: UNSIGNED_LIMIT * 10 });
	const shown = unsigned.filter((r) => can(actor, 'devices.manage', resource(r.unitId))).slice(0, UNSIGNED_LIMIT);
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
		personName: names.get(r.personId) ?? '',
		reminders: reminded.get(r.eventId) ?? 0
	}));
}
