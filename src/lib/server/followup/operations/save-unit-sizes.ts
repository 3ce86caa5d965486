import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { unitSizes, type UnitSizeSource } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, throwIfIssues } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { schoolYearOf } from '../../support/followup/school-years';
import { loadUnitTree } from './load-unit-tree';
import { checkUnitSizes, type UnitSizeInput } from './unit-size-input';

const YEAR = /^(\d{4})\/(\d{2})$/;

/** Whether a key is a real school year ("2025/26", the second year following the first). */
export const isSchoolYearKey = (key: string) => YEAR.test(key) && schoolYearOf(`${key.slice(0, 4)}-08-01`).key === key;

/**
 * Saves the sizes of some units in one school year (followup.configure): each given unit gets its students and staff
 * (empty = not known; both empty removes the row). Every bad field is reported at once (INVALID, nothing saved).
 * Only changed rows are written, each with an audit event `unit_size.set`, in one transaction. Returns how many changed.
 */
export async function saveUnitSizes(
	db: Db,
	o: { actor: Actor | null; organizerId: string; schoolYear: string; rows: UnitSizeInput[]; source: UnitSizeSource }
): Promise<number> {
	const { actor, organizerId, schoolYear } = o;
	authorize(actor, 'followup.configure', { type: 'organizer', organizerId });
	if (!isSchoolYearKey(schoolYear)) throw new AppError('INVALID', 'bad school year', [{ field: 'lasar', message: 'ops_size_error_year' }]);
	const tree = await loadUnitTree(db, organizerId);
	const { values, issues } = checkUnitSizes(o.rows, new Set(tree.map((u) => u.id)));
	throwIfIssues(issues, 'invalid unit sizes');
	return db.transaction(async (tx) => {
		const before = await tx
			.select()
			.from(unitSizes)
			.where(and(eq(unitSizes.organizerId, organizerId), eq(unitSizes.schoolYear, schoolYear)));
		let changed = 0;
		for (const v of values) {
			const old = before.find((b) => b.unitId === v.unitId);
			if ((old?.students ?? null) === v.students && (old?.staff ?? null) === v.staff) continue;
			const where = and(eq(unitSizes.organizerId, organizerId), eq(unitSizes.unitId, v.unitId), eq(unitSizes.schoolYear, schoolYear));
			if (v.students === null && v.staff === null) await tx.delete(unitSizes).where(where);
			else
				await tx
					.insert(unitSizes)
					.values({
						organizerId,
						unitId: v.unitId,
						schoolYear,
						students: v.students,
						staff: v.staff,
						source: o.source,
						updatedBy: actor.personId
					})
					.onConflictDoUpdate({
						target: [unitSizes.organizerId, unitSizes.unitId, unitSizes.schoolYear],
						set: { students: v.students, staff: v.staff, source: o.source, updatedBy: actor.personId, updatedAt: new Date() }
					});
			await recordAudit(tx, {
				organizerId,
				actorId: actor.personId,
				action: 'unit_size.set',
				entityType: 'unit',
				entityId: v.unitId,
				changes: {
					schoolYear,
					source: o.source,
					students: [old?.students ?? null, v.students],
					staff: [old?.staff ?? null, v.staff]
				}
			});
			changed++;
		}
		return changed;
	});
}
