import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceRepairs, devices } from '../db/schema';
import { authorize, can, type Actor } from '../policies';
import { daysWithoutDevice } from './device-rules';
import { loadDeviceScope } from './device-scope';

/**
 * Repairs sent in a period (Stockholm dates, `to` not included) from the units the actor sees (devices.view), limited
 * to `unitIds` when given, with the whole days their holders went without (daysWithoutDevice: none with a loaner, up
 * to now while away). The figure the follow-up shows for sub-goal 2.1.
 */
export async function countDaysWithout(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; unitIds: string[] | null; from: string; to: string; now?: Date }
): Promise<{ repairs: number; daysWithout: number }> {
	authorize(opts.actor, 'devices.view', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const { tree, resource } = await loadDeviceScope(db, opts.organizerId);
	const wanted = opts.unitIds ? new Set(opts.unitIds) : null;
	const unitIds = tree.filter((u) => (!wanted || wanted.has(u.id)) && can(actor, 'devices.view', resource(u.id))).map((u) => u.id);
	if (unitIds.length === 0) return { repairs: 0, daysWithout: 0 };
	const at = (day: string) => sql`(${day}::timestamp AT TIME ZONE 'Europe/Stockholm')`;
	const rows = await db
		.select({
			holderId: deviceRepairs.holderId,
			loanerDeviceId: deviceRepairs.loanerDeviceId,
			sentAt: deviceRepairs.sentAt,
			returnedAt: deviceRepairs.returnedAt
		})
		.from(deviceRepairs)
		.innerJoin(devices, eq(devices.id, deviceRepairs.deviceId))
		.where(
			and(
				eq(deviceRepairs.organizerId, opts.organizerId),
				inArray(devices.unitId, unitIds),
				gte(deviceRepairs.sentAt, at(opts.from)),
				lt(deviceRepairs.sentAt, at(opts.to))
			)
		);
	const now = opts.now ?? new Date();
	return { repairs: rows.length, daysWithout: rows.reduce((s, r) => s + (daysWithoutDevice(r, now) ?? 0), 0) };
}
