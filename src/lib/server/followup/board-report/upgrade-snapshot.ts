import type { BoardSnapshot } from './snapshot';

/** A report stored before decision 068: equity from raw per-unit support figures, no surveys or comparison values. */
type SnapshotV1 = Omit<BoardSnapshot, 'version' | 'equity' | 'surveys' | 'comparisons'> & {
	version: 1;
	equity: { units: { id: string; name: string; cases: number; lessons: number }[]; spreads: unknown[] };
};

/**
 * Reads a stored snapshot of any version as the current shape, so a report keeps opening after the report grows.
 * A version 1 report keeps its figures: its units side by side without sizes (so no per-100 figures and no spread),
 * and no survey or comparison section (it never gathered them). Nothing is recomputed.
 */
export function upgradeSnapshot(raw: BoardSnapshot | SnapshotV1): BoardSnapshot {
	if (raw.version === 2) return raw;
	const { equity, ...rest } = raw;
	const spread = { casesPer100Students: null, lessonsLostPer100Students: null, casesPer100Staff: null };
	const blank = {
		cases: raw.support.cases,
		lessonsLost: raw.support.lostLessons,
		students: null,
		staff: null,
		casesPer100Students: null,
		lessonsLostPer100Students: null,
		casesPer100Staff: null,
		slaCompliance: null,
		userErrorShare: raw.support.userErrorShare
	};
	return {
		...rest,
		version: 2,
		equity: {
			schoolYear: '',
			headline: blank,
			organizerAverage: null,
			comparison: {
				rows: equity.units.map((u) => ({
					unitId: u.id,
					name: u.name,
					students: null,
					staff: null,
					cases: u.cases,
					lessonsLost: u.lessons,
					casesPer100Students: null,
					lessonsLostPer100Students: null,
					casesPer100Staff: null
				})),
				withoutSize: [],
				spread
			}
		},
		surveys: null,
		comparisons: []
	};
}
