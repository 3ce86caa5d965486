import type { Db } from '../db';
import { todayInStockholm } from '../auth/load-actor';
import { recentSchoolYears } from '../support/followup/school-years';
import { loadUnitSizes } from '../followup/operations/find-unit-sizes';
import { countDeviceFigures } from './count-device-figures';
import { devicesPerStudent, repairCostPerDeviceYear } from './device-costs';
import { loadDeviceScope } from './device-scope';
import { measureDeviceUse } from './measure-device-use';

/** The devices' computed planning indicators (decision 069). */
export const DEVICES_INDICATOR_KINDS = ['devices_per_student', 'devices_days_without', 'devices_repair_cost'] as const;
export type DevicesIndicatorKind = (typeof DEVICES_INDICATOR_KINDS)[number];

type Point = { label: string; on: string; value: number | null; suppressed: false };

/**
 * A devices indicator per school year, oldest first (the two before and the current one so far), for a unit with the
 * units under it or the whole organizer, each from the devices module's own function:
 * - devices_per_student: the devices in use on the year's last day (today for the current year; measureDeviceUse) at
 *   the units with a student count that year (unit_sizes), over those students (devicesPerStudent); null without sizes;
 * - devices_days_without: the whole days students went without their device through repairs sent during the year
 *   (countDeviceFigures, the follow-up's own figure: none with a loaner);
 * - devices_repair_cost: the repair costs recorded on the year's returns over the device-years of use in the year
 *   (repairCostPerDeviceYear, the cost page's repairs per student-year).
 * Counts devices and repairs, never people's answers: nothing to suppress.
 */
export async function devicesSeries(
	db: Db,
	o: { organizerId: string; unitId: string | null; kind: DevicesIndicatorKind; today?: string; now?: Date }
): Promise<Point[]> {
	const today = o.today ?? todayInStockholm(o.now);
	const years = recentSchoolYears(today, 3).reverse();
	const { tree } = await loadDeviceScope(db, o.organizerId);
	const scope = o.unitId ? subtree(tree, o.unitId) : tree.map((u) => u.id);
	const out: Point[] = [];
	for (const y of years) {
		const on = y.to > today ? today : y.to;
		const period = { organizerId: o.organizerId, from: y.from, to: y.to, now: o.now };
		let value: number | null;
		if (o.kind === 'devices_per_student') {
			const sizes = await loadUnitSizes(db, o.organizerId, y.key);
			const counted = scope.filter((id) => sizes.get(id)?.students != null);
			const students = counted.reduce((n, id) => n + (sizes.get(id)!.students ?? 0), 0);
			const use = counted.length ? await measureDeviceUse(db, { ...period, unitIds: counted }) : null;
			value = use ? devicesPerStudent(use.inUse, students) : null;
		} else if (o.kind === 'devices_days_without') {
			value = (await countDeviceFigures(db, { ...period, unitIds: scope })).daysWithoutDevice;
		} else {
			const use = await measureDeviceUse(db, { ...period, unitIds: scope });
			value = repairCostPerDeviceYear(use.repairCost, use.deviceYears);
		}
		out.push({ label: y.key, on, value, suppressed: false });
	}
	return out;
}

/** A unit and every unit below it. */
function subtree(tree: { id: string; parentId: string | null }[], unitId: string): string[] {
	const out = [unitId];
	for (let i = 0; i < out.length; i++) for (const u of tree) if (u.parentId === out[i]) out.push(u.id);
	return out;
}
