import type { OrganizerReport, UnitValue } from '../compute-organizer-report';
import type { HiddenWhy } from '../stats';
import { TOTAL } from '../suppress';

/** A sub-goal's organizer total as the report shows it: the mean where shown, else why it is hidden. */
export type RoundFigureCell = {
	mean: number | null;
	why: HiddenWhy | null;
	/** Answers behind a shown mean and their spread (what isRealChange weighs). */
	n?: number;
	sd?: number | null;
};

/**
 * What the follow-up reads of a round's report (decision 074): per sub-goal the organizer's total, each unit's
 * default-view value (UnitValue) and the spread between the units' values. Every figure is one the report shows
 * after its suppression: nothing finer, no answer of its own.
 */
export type RoundFigures = {
	/** The units that took part, in the report's order. */
	unitIds: string[];
	subGoals: Record<
		string,
		{ organizer: RoundFigureCell; units: Record<string, UnitValue>; spread: { range: number | null; units: number } }
	>;
};

/** The total cell of a sub-goal as shown: a hidden one carries no numbers. */
function organizerCell(report: OrganizerReport, subGoalId: string): RoundFigureCell {
	const f = report.figures[subGoalId]?.[TOTAL]?.[TOTAL];
	if (!f) return { mean: null, why: null };
	return f.shown ? { mean: f.mean, why: null, n: f.n, sd: f.sd } : { mean: null, why: f.suppressed ? (f.why ?? 'protect') : null };
}

/** The follow-up's figures of a round, taken from its organizer (or area) report. */
export function roundFiguresOf(report: OrganizerReport): RoundFigures {
	const subGoals: RoundFigures['subGoals'] = {};
	for (const sg of report.subGoals)
		subGoals[sg.id] = {
			organizer: organizerCell(report, sg.id),
			units: report.unitValues[sg.id] ?? {},
			spread: {
				range: report.equity[sg.id]?.answers?.range ?? null,
				units: report.equity[sg.id]?.counted.answers ?? 0
			}
		};
	return { unitIds: report.units.map((u) => u.id), subGoals };
}
