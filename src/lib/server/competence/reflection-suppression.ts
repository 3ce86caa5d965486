import { suppressGroups, TOTAL } from '../assessment/reports/suppress';

/** The row of the people who reflected but hold no role at a unit: counted in the organizer total, never shown. */
export const NO_UNIT = '__no_unit__';
/** The one column of the table: everyone who reflected answers every area, so a unit's count is the same in each. */
const PEOPLE = 'people';

/**
 * Which units' reflection aggregates may be shown (decision 066), by the self-assessment's own rule — `suppressGroups`
 * is called, not copied: a unit under the threshold is hidden, and enough others (or the organizer total) are hidden
 * too that no hidden unit — nor the hidden units together — follows from the organizer total by subtraction
 * (rule 3, `protectRemainders`). The people without a unit role form a row
 * of their own, so the units and that row add up to the organizer total the aggregate page shows.
 */
export function suppressReflectionUnits(counts: { unitId: string; count: number }[], threshold: number) {
	const suppression = suppressGroups({
		cells: counts.map((c) => ({ row: c.unitId, col: PEOPLE, count: c.count })),
		threshold,
		protectRemainders: true
	});
	return {
		shown: (unitId: string) => unitId !== NO_UNIT && suppression.shown(unitId, PEOPLE) && suppression.shown(unitId, TOTAL),
		totalShown: suppression.shown(TOTAL, PEOPLE) && suppression.shown(TOTAL, TOTAL),
		primary: (unitId: string) => suppression.primary.has(`${unitId}\u0000${PEOPLE}`)
	};
}
