import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { auditEvents, comparisonKeyFigures, comparisonValues, organizers, units } from '../../db/schema';
import type { Actor } from '../../policies';
import { readImportFile } from '../../imports/read-import-file';
import { COMPARISON_COLUMNS } from './comparison-columns';
import { getComparisonImport } from './get-comparison-import';
import { planComparisonRows, type ComparisonPlan } from './plan-comparison-rows';

/** What an applied comparison import did, as its comparison.import event records it. */
export type ComparisonImportResult = { created: number; updated: number; unchanged: number; skipped: number; keyFigures: number };

/**
 * The preview of a stored comparison file (followup.configure): each row's outcome against the organizer's kommunkod,
 * its units (archived ones too: an old value may be of a closed school) and the key figures and values stored now;
 * or, once the file has been imported, what the import did. `forUpdate` locks the organizer's key figures, so two
 * imports of the same key figure cannot both set its unit of measure.
 */
export async function planComparisonImport(
	db: Db,
	opts: { actor: Actor; organizerId: string; batchId: string; forUpdate?: boolean }
): Promise<{ batch: Awaited<ReturnType<typeof getComparisonImport>>; plan: ComparisonPlan | null; result: ComparisonImportResult | null }> {
	const { organizerId } = opts;
	const batch = await getComparisonImport(db, opts);
	if (batch.status === 'done') {
		const [event] = await db
			.select({ changes: auditEvents.changes })
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, organizerId), eq(auditEvents.entityId, batch.id), eq(auditEvents.action, 'comparison.import')))
			.orderBy(desc(auditEvents.id))
			.limit(1);
		return { batch, plan: null, result: (event?.changes as ComparisonImportResult | undefined) ?? null };
	}
	const file = readImportFile(batch.content, COMPARISON_COLUMNS);
	const [organizer] = await db
		.select({ municipalityCode: organizers.municipalityCode })
		.from(organizers)
		.where(eq(organizers.id, organizerId));
	const figureQuery = db
		.select({
			id: comparisonKeyFigures.id,
			source: comparisonKeyFigures.source,
			code: comparisonKeyFigures.code,
			title: comparisonKeyFigures.title,
			measure: comparisonKeyFigures.measure
		})
		.from(comparisonKeyFigures)
		.where(eq(comparisonKeyFigures.organizerId, organizerId));
	const keyFigures = opts.forUpdate ? await figureQuery.for('update') : await figureQuery;
	const codes = [...new Set(file.rows.map((r) => r.cells.code.replace(/\s+/g, '').toUpperCase()).filter(Boolean))];
	const ids = keyFigures.filter((k) => codes.includes(k.code)).map((k) => k.id);
	const values = ids.length
		? await db
				.select({
					keyFigureId: comparisonValues.keyFigureId,
					areaCode: comparisonValues.areaCode,
					period: comparisonValues.period,
					value: comparisonValues.value
				})
				.from(comparisonValues)
				.where(and(eq(comparisonValues.organizerId, organizerId), inArray(comparisonValues.keyFigureId, ids)))
		: [];
	const unitRows = await db
		.select({ id: units.id, name: units.name, schoolUnitCode: units.schoolUnitCode })
		.from(units)
		.where(eq(units.organizerId, organizerId));
	const plan = planComparisonRows(file.rows, file.names, {
		municipalityCode: organizer?.municipalityCode ?? null,
		units: unitRows,
		keyFigures,
		values
	});
	return { batch, plan, result: null };
}
