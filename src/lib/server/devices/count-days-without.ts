import type { Db } from '../db';
import { authorize, can, type Actor } from '../policies';
import { countRepairDays } from './count-repair-days';
import { loadDeviceScope } from './device-scope';

/**
 * Repairs sent in a period (Stockholm dates, `to` not included) from the units the actor sees (devices.view), limited
 * to `unitIds` when given, with the whole days their holders went without (countRepairDays: none with a loaner, up
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
	// Every unit of the organizer: read as the whole organizer (every device has a unit of its organizer).
	const whole = !wanted && unitIds.length === tree.length;
	// Only the repairs: the picture does not show the register's device count, which is a pass over every device.
	const f = await countRepairDays(db, {
		organizerId: opts.organizerId,
		unitIds: whole ? null : unitIds,
		from: opts.from,
		to: opts.to,
		now: opts.now
	});
	return { repairs: f.repairs, daysWithout: f.daysWithoutDevice };
}
