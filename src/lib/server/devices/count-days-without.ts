import type { Db } from '../db';
import { authorize, type Actor } from '../policies';
import { countRepairDays } from './count-repair-days';
import { loadDeviceScope, visibleDeviceUnits } from './device-scope';

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
	const { unitIds, whole } = visibleDeviceUnits(await loadDeviceScope(db, opts.organizerId), opts.actor, opts.unitIds);
	if (unitIds.length === 0) return { repairs: 0, daysWithout: 0 };
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
