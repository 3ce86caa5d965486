import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { comparisonKeyFigures, comparisonMappings, comparisonValues, units } from '../../db/schema';
import type { Measure } from './comparison-measures';
import type { PeriodKind } from './comparison-periods';

/** An external value shown beside an own figure: which key figure, from which source, for which area and period. */
export type ComparisonValue = {
	source: string;
	code: string;
	title: string;
	measure: Measure;
	areaKind: 'municipality' | 'school_unit';
	areaCode: string;
	/** The organizer's unit for a skolenhetskod, with its name; null for the municipality. */
	unitId: string | null;
	unitName: string | null;
	period: string;
	periodKind: PeriodKind;
	value: number;
};

/**
 * The external comparison values that match the organizer's own figures (decision 063): per own figure key, the values
 * of every key figure an administrator mapped to it, for the periods asked (canonical spellings, "2024", "2023/24",
 * "HT2024"; comparisonPeriodsOfSchoolYear gives those of a school year), ordered by key figure, period and area. A
 * figure with nothing mapped or no values in those periods has no entry. It does not authorize: the values
 * are published statistics, and the caller's page or report has already checked that the reader may see the own
 * figures they stand beside (followup.view or followup.report_read).
 */
export async function findComparisonValues(
	db: Db,
	opts: { organizerId: string; figureKeys: string[]; periods: string[] }
): Promise<Record<string, ComparisonValue[]>> {
	const out: Record<string, ComparisonValue[]> = {};
	if (!opts.figureKeys.length || !opts.periods.length) return out;
	const rows = await db
		.select({
			figureKey: comparisonMappings.figureKey,
			source: comparisonKeyFigures.source,
			code: comparisonKeyFigures.code,
			title: comparisonKeyFigures.title,
			measure: comparisonKeyFigures.measure,
			areaKind: comparisonValues.areaKind,
			areaCode: comparisonValues.areaCode,
			unitId: comparisonValues.unitId,
			unitName: units.name,
			period: comparisonValues.period,
			periodKind: comparisonValues.periodKind,
			value: comparisonValues.value
		})
		.from(comparisonMappings)
		.innerJoin(
			comparisonKeyFigures,
			and(eq(comparisonKeyFigures.id, comparisonMappings.keyFigureId), eq(comparisonKeyFigures.organizerId, opts.organizerId))
		)
		.innerJoin(
			comparisonValues,
			and(
				eq(comparisonValues.keyFigureId, comparisonKeyFigures.id),
				eq(comparisonValues.organizerId, opts.organizerId),
				inArray(comparisonValues.period, opts.periods)
			)
		)
		.leftJoin(units, and(eq(units.id, comparisonValues.unitId), eq(units.organizerId, opts.organizerId)))
		.where(and(eq(comparisonMappings.organizerId, opts.organizerId), inArray(comparisonMappings.figureKey, opts.figureKeys)))
		.orderBy(
			asc(comparisonMappings.figureKey),
			asc(comparisonKeyFigures.code),
			asc(comparisonValues.periodStartsOn),
			asc(comparisonValues.areaKind),
			asc(comparisonValues.areaCode)
		);
	for (const { figureKey, ...r } of rows) {
		(out[figureKey] ??= []).push({
			...r,
			measure: r.measure as Measure,
			areaKind: r.areaKind as ComparisonValue['areaKind'],
			periodKind: r.periodKind as PeriodKind
		});
	}
	return out;
}
