import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { unitSizes, type UnitSizeSource } from '../../db/schema';
import { authorize, type Actor } from '../../policies';
import { loadUnitTree, type OpsUnit } from './load-unit-tree';

export type UnitSizeRow = OpsUnit & { students: number | null; staff: number | null; source: UnitSizeSource | null };

/** The sizes of every unit in one school year, read without asking who reads (the figures use it after authorizing). */
export async function loadUnitSizes(db: Db, organizerId: string, schoolYear: string) {
	const rows = await db
		.select({ unitId: unitSizes.unitId, students: unitSizes.students, staff: unitSizes.staff, source: unitSizes.source })
		.from(unitSizes)
		.where(and(eq(unitSizes.organizerId, organizerId), eq(unitSizes.schoolYear, schoolYear)));
	return new Map(rows.map((r) => [r.unitId, r]));
}

/** The sizes page (followup.configure): every active unit in tree order with its size in the school year, if any. */
export async function findUnitSizes(db: Db, o: { actor: Actor | null; organizerId: string; schoolYear: string }): Promise<UnitSizeRow[]> {
	authorize(o.actor, 'followup.configure', { type: 'organizer', organizerId: o.organizerId });
	const [tree, sizes] = await Promise.all([loadUnitTree(db, o.organizerId), loadUnitSizes(db, o.organizerId, o.schoolYear)]);
	return tree.map((u) => {
		const s = sizes.get(u.id);
		return { ...u, students: s?.students ?? null, staff: s?.staff ?? null, source: s?.source ?? null };
	});
}
