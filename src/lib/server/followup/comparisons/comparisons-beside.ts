import type { Db } from '../../db';
import type { Measure } from './comparison-measures';
import { ownFigure, ownFigureLabel } from './comparison-figures';
import { comparisonPeriodsOfSchoolYear } from './comparison-periods';
import { findComparisonValues, type ComparisonValue } from './find-comparison-values';

/** One own figure with the external values mapped to it that describe the same area (decision 068). */
export type ComparisonBeside = {
	figureKey: string;
	/** The own figure's label: a message key (cmp_figure_*) and its parameters. */
	label: { message: string; params: Record<string, string> };
	measure: Measure | null;
	/** Our own value in the same unit of measure; null when it cannot be computed for this scope (said on the page). */
	own: number | null;
	values: ComparisonValue[];
};

/** The school year before "2025/26": "2024/25". */
export function previousSchoolYear(schoolYear: string): string {
	const first = Number(schoolYear.slice(0, 4)) - 1;
	return `${first}/${String(first + 1).slice(2)}`;
}

/**
 * The comparison periods read beside a school year: its own and those of the school year before, since published
 * statistics come a year late (Kolada dates a school year's figures by the year it ends). Each value carries its period.
 */
export function comparisonPeriodsBeside(schoolYears: string[]): string[] {
	const years = new Set(schoolYears.flatMap((y) => [y, previousSchoolYear(y)]));
	return [...new Set([...years].flatMap((y) => comparisonPeriodsOfSchoolYear(y)))];
}

/**
 * Keeps only the values whose definition matches the own figure: the same area (the municipality beside the
 * organizer as a whole; that school unit's own skolenhetskod beside a unit, never a neighbour's or the municipality's)
 * and the same unit of measure (a mapping only links figures of one measure; checked again here). Pure.
 */
export function matchComparisons(
	found: Record<string, ComparisonValue[]>,
	own: Record<string, number | null>,
	unitId: string | null
): ComparisonBeside[] {
	const out: ComparisonBeside[] = [];
	for (const [figureKey, ownValue] of Object.entries(own)) {
		const figure = ownFigure(figureKey);
		if (!figure) continue;
		const values = (found[figureKey] ?? []).filter(
			(v) =>
				(figure.measure === null || v.measure === figure.measure) &&
				(unitId === null ? v.areaKind === 'municipality' : v.areaKind === 'school_unit' && v.unitId === unitId)
		);
		if (values.length) out.push({ figureKey, label: ownFigureLabel(figureKey), measure: figure.measure, own: ownValue, values });
	}
	return out;
}

/**
 * The external values beside the own figures of a scope and some school years: findComparisonValues over the
 * periods that speak to them, narrowed to matching definitions. No authorization: the caller has checked that the
 * reader may see the own figures (findComparisonValues' rule).
 */
export async function loadComparisonsBeside(
	db: Db,
	o: { organizerId: string; unitId: string | null; schoolYears: string[]; own: Record<string, number | null> }
): Promise<ComparisonBeside[]> {
	const found = await findComparisonValues(db, {
		organizerId: o.organizerId,
		figureKeys: Object.keys(o.own),
		periods: comparisonPeriodsBeside(o.schoolYears)
	});
	return matchComparisons(found, o.own, o.unitId);
}
