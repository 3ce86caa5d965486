import type { Db } from '../../db';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { countDutyStaff } from '../../integrations/ss12000/count-duty-staff';
import { schoolYearOf } from '../../support/followup/school-years';
import { loadUnitSizes } from './find-unit-sizes';
import { saveUnitSizes } from './save-unit-sizes';

/**
 * Fills in staff for one school year from SS 12000 duties (followup.configure): each unit with synced duties gets
 * their count as its staff, its students kept as they were. CONFLICT when no duty has been synced. Returns how many
 * units changed.
 */
export async function countStaffFromSs12000(db: Db, o: { actor: Actor | null; organizerId: string; schoolYear: string }): Promise<number> {
	authorize(o.actor, 'followup.configure', { type: 'organizer', organizerId: o.organizerId });
	const year = schoolYearOf(`${o.schoolYear.slice(0, 4)}-08-01`);
	const staff = await countDutyStaff(db, { organizerId: o.organizerId, from: year.from, to: year.to });
	if (staff.size === 0) throw new AppError('CONFLICT', 'no duties', [{ field: 'ss12000', message: 'ops_ss12000_none' }]);
	const sizes = await loadUnitSizes(db, o.organizerId, o.schoolYear);
	const rows = [...staff].map(([unitId, n]) => ({
		unitId,
		students: sizes.get(unitId)?.students?.toString() ?? '',
		staff: String(n)
	}));
	return saveUnitSizes(db, { ...o, rows, source: 'ss12000' });
}
