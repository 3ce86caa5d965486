import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningIndicatorMeasurements, planningIndicators } from '../../db/schema';
import { assessmentSeries, type ReportCache } from './assessment-series';
import type { IndicatorKind } from './effect-input';
import { pointsMovement, selfAssessmentMovement, shareMovement, type Movement } from './movement';
import { supportSeries, type FigureCache, type SupportKind } from './support-series';
import { coverageSeries } from '../../competence/coverage-series';
import { appsSeries } from '../../apps/apps-series';
import { DEVICES_INDICATOR_KINDS, devicesSeries, type DevicesIndicatorKind } from '../../devices/devices-series';

/** One value in an indicator's history: a round, a school year or a measurement. */
export type IndicatorPoint = { label: string; on: string; value: number | null; suppressed: boolean; source?: string };

/** How a value reads: a mean level (1–4), a share (0–1), hours, a count, or a plain number. */
export type ValueFormat = 'level' | 'share' | 'hours' | 'count' | 'number';

export type IndicatorView = {
	id: string;
	stepId: string;
	name: string;
	kind: IndicatorKind;
	params: (typeof planningIndicators.$inferSelect)['params'];
	format: ValueFormat;
	baseline: { value: number | null; on: string | null };
	target: { value: number | null; on: string | null };
	history: IndicatorPoint[];
	/** The newest point with a value, or the newest hidden one (shown as hidden, never as a number). */
	latest: IndicatorPoint | null;
	movement: Movement;
};

const FORMAT: Record<IndicatorKind, ValueFormat> = {
	manual: 'number',
	assessment_mean: 'level',
	assessment_share: 'share',
	support_lead_time: 'hours',
	support_sla: 'share',
	support_lost_lessons: 'count',
	support_user_errors: 'share',
	competence_coverage: 'share',
	apps_agreement_coverage: 'share',
	apps_licence_use: 'share',
	apps_request_lead_time: 'share',
	devices_per_student: 'number',
	devices_days_without: 'count',
	devices_repair_cost: 'number'
};

/** Caches for one page: each round's report and each period's support figures are computed once. */
export const newCaches = () => ({ reports: new Map() as ReportCache, figures: new Map() as FigureCache });

/**
 * The indicators of some steps with their history, latest value and whether they moved (movement.ts):
 * self-assessment means by the progression's noise rule between the two latest closed rounds, shares by
 * ten percentage points between them, everything else by MOVED_SHARE of the baseline. `unitId` is the
 * chain's scope (null: the organizer). Callers have checked that the actor may read the chain.
 */
export async function computeIndicators(
	db: Db,
	o: { organizerId: string; unitId: string | null; stepIds: string[]; caches?: ReturnType<typeof newCaches> }
): Promise<IndicatorView[]> {
	if (!o.stepIds.length) return [];
	const caches = o.caches ?? newCaches();
	const rows = await db
		.select()
		.from(planningIndicators)
		.where(and(eq(planningIndicators.organizerId, o.organizerId), inArray(planningIndicators.stepId, o.stepIds)))
		.orderBy(asc(planningIndicators.createdAt));
	const manualIds = rows.filter((r) => r.kind === 'manual').map((r) => r.id);
	const measurements = manualIds.length
		? await db
				.select()
				.from(planningIndicatorMeasurements)
				.where(
					and(eq(planningIndicatorMeasurements.organizerId, o.organizerId), inArray(planningIndicatorMeasurements.indicatorId, manualIds))
				)
				.orderBy(asc(planningIndicatorMeasurements.measuredOn), asc(planningIndicatorMeasurements.createdAt))
		: [];
	const out: IndicatorView[] = [];
	for (const r of rows) {
		const kind = r.kind as IndicatorKind;
		const scope = { organizerId: o.organizerId, unitId: o.unitId, params: r.params };
		let history: IndicatorPoint[];
		let movement: Movement;
		if (kind === 'assessment_mean' || kind === 'assessment_share') {
			const points = await assessmentSeries(db, { ...scope, kind, cache: caches.reports });
			history = points.map(({ label, on, value, suppressed }) => ({ label, on, value, suppressed }));
			const [before, after] = points.slice(-2).length === 2 ? points.slice(-2) : [null, points.at(-1) ?? null];
			movement =
				kind === 'assessment_mean'
					? selfAssessmentMovement(before?.cell ?? null, after?.cell ?? null)
					: pointsMovement(before?.value ?? null, after?.value ?? null);
		} else if (kind === 'competence_coverage') {
			history = await coverageSeries(db, { organizerId: o.organizerId, unitId: o.unitId, aspect: r.params.aspect ?? null });
			const [before, after] = history.slice(-2).length === 2 ? history.slice(-2) : [null, history.at(-1) ?? null];
			movement = pointsMovement(before?.value ?? null, after?.value ?? null);
		} else if (kind === 'apps_agreement_coverage' || kind === 'apps_licence_use' || kind === 'apps_request_lead_time') {
			history = await appsSeries(db, { organizerId: o.organizerId, kind });
			const [before, after] = history.slice(-2).length === 2 ? history.slice(-2) : [null, history.at(-1) ?? null];
			movement = pointsMovement(before?.value ?? null, after?.value ?? null);
		} else if ((DEVICES_INDICATOR_KINDS as readonly string[]).includes(kind)) {
			history = await devicesSeries(db, { organizerId: o.organizerId, unitId: o.unitId, kind: kind as DevicesIndicatorKind });
			movement = shareMovement(r.baselineValue, history.at(-1)?.value ?? null);
		} else if (kind === 'manual') {
			history = measurements
				.filter((m) => m.indicatorId === r.id)
				.map((m) => ({ label: m.measuredOn, on: m.measuredOn, value: m.value, suppressed: false, source: m.source }));
			movement = shareMovement(r.baselineValue, history.at(-1)?.value ?? null);
		} else {
			history = await supportSeries(db, { ...scope, kind: kind as SupportKind, cache: caches.figures });
			movement = shareMovement(r.baselineValue, history.at(-1)?.value ?? null);
		}
		const latest = [...history].reverse().find((p) => p.value !== null || p.suppressed) ?? null;
		out.push({
			id: r.id,
			stepId: r.stepId,
			name: r.name,
			kind,
			params: r.params,
			format: FORMAT[kind],
			baseline: { value: r.baselineValue, on: r.baselineOn },
			target: { value: r.targetValue, on: r.targetOn },
			history,
			latest,
			movement
		});
	}
	return out;
}
