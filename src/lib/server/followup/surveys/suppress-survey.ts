import { suppressGroups, TOTAL, type SuppressionResult } from '../../assessment/reports/suppress';

export { TOTAL };

/** Respondents of one group: a unit in a period (a pulse's month; '' for a survey round). */
export type SurveyGroupCount = { unitId: string; period: string; count: number };

/**
 * Which survey groups may be shown, period by period: in each period the units with the period's total over all
 * units, suppressed by the self-assessment's own rule (`suppressGroups`, decision 014): primary suppression under the
 * threshold, complementary suppression so no hidden group follows from the shown total by subtraction, and protected
 * remainders so the hidden part of a shown total is empty or reaches the threshold. No copy of the rule lives here.
 *
 * Each period is its own table and nothing sums over periods (decision 059): a total over "every month so far" would
 * grow each month, and two such totals a month apart would give away the month between them.
 */
export function suppressSurvey(groups: SurveyGroupCount[], threshold: number) {
	const periods = new Map<string, SuppressionResult>();
	for (const period of new Set(groups.map((g) => g.period))) {
		periods.set(
			period,
			suppressGroups({
				cells: groups.filter((g) => g.period === period).map((g) => ({ row: g.unitId, col: period, count: g.count })),
				threshold,
				protectRemainders: true
			})
		);
	}
	return {
		/** Whether a unit's group (or TOTAL: all units) in a period may be shown; a group without respondents is not. */
		shown: (unitId: string, period: string) => {
			const s = periods.get(period);
			return !!s && s.count(unitId, period) > 0 && s.shown(unitId, period);
		},
		/** Respondents of a unit's group (or TOTAL) in a period. */
		count: (unitId: string, period: string) => periods.get(period)?.count(unitId, period) ?? 0
	};
}
