import { LESSON_MINUTES } from '../../../support/lost-time';
import type { MonthlyFigure } from '../../support/followup/monthly-figures';
import type { OpsUnit } from './load-unit-tree';
import { sizedOwners, SCHOOL_KINDS } from './scope-sizes';
import { per100, spreadOf, type Spread } from './spread';

type Size = { students: number | null; staff: number | null };

/** One unit beside the others: its cases and lost lessons, and both per 100 students or staff where its size is known. */
export type UnitComparisonRow = {
	unitId: string;
	name: string;
	students: number | null;
	staff: number | null;
	cases: number;
	lessonsLost: number;
	casesPer100Students: number | null;
	lessonsLostPer100Students: number | null;
	casesPer100Staff: number | null;
};

export type UnitComparison = {
	rows: UnitComparisonRow[];
	/** School units in the scope with no size entered: listed, never silently dropped. */
	withoutSize: { unitId: string; name: string; cases: number }[];
	spread: { casesPer100Students: Spread | null; lessonsLostPer100Students: Spread | null; casesPer100Staff: Spread | null };
};

/**
 * Units side by side, normalised by size: each counting unit (sizedOwners) with the cases of every unit it owns, and
 * the spread of each per-100 figure over the rows that have one. `visible` keeps only the units the reader may see
 * (a principal sees their own units here, never the others'); the spread is over the rows shown.
 */
export function compareUnits(
	tree: OpsUnit[],
	sizes: Map<string, Size>,
	months: MonthlyFigure[],
	o: { scopeIds: string[]; visible: (unitId: string) => boolean }
): UnitComparison {
	const owners = sizedOwners(tree, sizes);
	const inScope = new Set(o.scopeIds);
	const byUnit = new Map<string, { cases: number; minutes: number }>();
	for (const m of months) {
		const u = byUnit.get(m.unitId) ?? { cases: 0, minutes: 0 };
		u.cases += m.cases;
		u.minutes += m.minutesLost;
		byUnit.set(m.unitId, u);
	}
	const sumOwned = (pred: (unitId: string) => boolean) => {
		let cases = 0;
		let minutes = 0;
		for (const [id, f] of byUnit)
			if (pred(id)) {
				cases += f.cases;
				minutes += f.minutes;
			}
		return { cases, minutes };
	};
	const byId = new Map(tree.map((u) => [u.id, u]));
	const under = (id: string, top: string) => {
		for (let cur: string | null = id; cur; cur = byId.get(cur)?.parentId ?? null) if (cur === top) return true;
		return false;
	};
	const rows: UnitComparisonRow[] = tree
		.filter((u) => inScope.has(u.id) && o.visible(u.id) && owners.get(u.id) === u.id)
		.map((u) => {
			const s = sizes.get(u.id)!;
			const { cases, minutes } = sumOwned((id) => owners.get(id) === u.id);
			const lessons = minutes / LESSON_MINUTES;
			return {
				unitId: u.id,
				name: u.name,
				students: s.students,
				staff: s.staff,
				cases,
				lessonsLost: Math.round(lessons * 10) / 10,
				casesPer100Students: per100(cases, s.students),
				lessonsLostPer100Students: per100(lessons, s.students),
				casesPer100Staff: per100(cases, s.staff)
			};
		});
	const withoutSize = tree
		.filter((u) => inScope.has(u.id) && o.visible(u.id) && SCHOOL_KINDS.includes(u.kind) && owners.get(u.id) === null)
		// A school whose parent is also a school without size is listed once, at the top.
		.filter(
			(u) =>
				!(
					u.parentId &&
					inScope.has(u.parentId) &&
					SCHOOL_KINDS.includes(byId.get(u.parentId)?.kind ?? '') &&
					owners.get(u.parentId) === null
				)
		)
		.map((u) => ({ unitId: u.id, name: u.name, cases: sumOwned((id) => owners.get(id) === null && under(id, u.id)).cases }));
	const values = (pick: (r: UnitComparisonRow) => number | null) => rows.map(pick).filter((v): v is number => v !== null);
	return {
		rows,
		withoutSize,
		spread: {
			casesPer100Students: spreadOf(values((r) => r.casesPer100Students)),
			lessonsLostPer100Students: spreadOf(values((r) => r.lessonsLostPer100Students)),
			casesPer100Staff: spreadOf(values((r) => r.casesPer100Staff))
		}
	};
}
