import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { comparisonKeyFigures, comparisonMappings, comparisonValues, organizers, units } from '../../db/schema';
import { authorize, type Actor } from '../../policies';
import { OWN_FIGURES, ownFigureLabel } from './comparison-figures';

/**
 * The comparison page (followup.configure): every imported key figure with its source, unit of measure, the own
 * figures it is mapped to and its values by period and area; the own figures that can be mapped; the organizer's
 * kommunkod. Values of archived units stay, named as the unit is.
 */
export async function getComparisonOverview(db: Db, opts: { actor: Actor; organizerId: string }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'followup.configure', { type: 'organizer', organizerId });
	const [organizer] = await db
		.select({ municipalityCode: organizers.municipalityCode })
		.from(organizers)
		.where(eq(organizers.id, organizerId));
	const figures = await db
		.select({
			id: comparisonKeyFigures.id,
			source: comparisonKeyFigures.source,
			code: comparisonKeyFigures.code,
			title: comparisonKeyFigures.title,
			measure: comparisonKeyFigures.measure
		})
		.from(comparisonKeyFigures)
		.where(eq(comparisonKeyFigures.organizerId, organizerId))
		.orderBy(asc(comparisonKeyFigures.source), asc(comparisonKeyFigures.code));
	const values = await db
		.select({
			keyFigureId: comparisonValues.keyFigureId,
			areaKind: comparisonValues.areaKind,
			areaCode: comparisonValues.areaCode,
			unitName: units.name,
			period: comparisonValues.period,
			value: comparisonValues.value
		})
		.from(comparisonValues)
		.leftJoin(units, and(eq(units.id, comparisonValues.unitId), eq(units.organizerId, organizerId)))
		.where(eq(comparisonValues.organizerId, organizerId))
		.orderBy(asc(comparisonValues.periodStartsOn), asc(comparisonValues.areaKind), asc(units.name), asc(comparisonValues.areaCode));
	const mappings = await db
		.select({ figureKey: comparisonMappings.figureKey, keyFigureId: comparisonMappings.keyFigureId })
		.from(comparisonMappings)
		.where(eq(comparisonMappings.organizerId, organizerId))
		.orderBy(asc(comparisonMappings.figureKey));
	return {
		municipalityCode: organizer?.municipalityCode ?? null,
		ownFigures: OWN_FIGURES.map((f) => ({ key: f.key, measure: f.measure, label: ownFigureLabel(f.key) })),
		keyFigures: figures.map((f) => ({
			...f,
			mappedTo: mappings.filter((m) => m.keyFigureId === f.id).map((m) => ({ key: m.figureKey, label: ownFigureLabel(m.figureKey) })),
			values: values
				.filter((v) => v.keyFigureId === f.id)
				.map((v) => ({ areaKind: v.areaKind, areaCode: v.areaCode, unitName: v.unitName, period: v.period, value: v.value }))
		}))
	};
}

export type ComparisonOverview = Awaited<ReturnType<typeof getComparisonOverview>>;
