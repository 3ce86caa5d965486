import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentRounds, type IndicatorParams } from '../../db/schema';
import { buildOrganizerReport, type OrganizerReport } from '../../assessment/reports/compute-organizer-report';
import { fetchGroupStats } from '../../assessment/reports/report-queries';
import { figure, type CellFigure } from '../../assessment/reports/stats';
import { TOTAL } from '../../assessment/reports/suppress';
import { roundStatus } from '../../assessment/rounds/round-status';
import { meanOf, shareAtLevel3, type ComputedValue } from './indicator-values';
import { rowsOf } from '../../db/rows';

/** How many closed rounds an indicator's history shows, newest last. */
const ROUNDS = 4;

/** One closed round's value of a self-assessment indicator; `cell` is the report figure behind a mean. */
export type RoundPoint = ComputedValue & { label: string; on: string; cell: CellFigure | null };

/** Reports by round id, so one page computes each round once. */
export type ReportCache = Map<string, Promise<OrganizerReport>>;

const report = (db: Db, cache: ReportCache, organizerId: string, roundId: string) => {
	if (!cache.has(roundId)) cache.set(roundId, buildOrganizerReport(db, { organizerId, roundId }));
	return cache.get(roundId)!;
};

/** One item's figure at a unit or the organizer (one perspective or all), shown only where the sub-goal's figure for that cell is shown (as in the progression). */
async function itemCell(
	db: Db,
	r: OrganizerReport,
	organizerId: string,
	row: string,
	col: string,
	subGoalId: string,
	itemKey: string
): Promise<CellFigure | null> {
	const grand = r.figures[subGoalId]?.[row]?.[col];
	if (!grand) return null;
	const rows = await fetchGroupStats(db, {
		organizerId,
		roundId: r.round.id,
		groups: { [itemKey]: itemKey },
		threshold: r.round.threshold
	});
	const sums = rows.find((s) => (s.unitId ?? TOTAL) === row && (s.perspective ?? TOTAL) === col);
	return figure(sums, grand.suppressed || !grand.shown);
}

/** Level answers, and those at level 3 or 4, for one perspective of a sub-goal (or one item) at a unit or the whole organizer. */
async function levelCounts(
	db: Db,
	o: { organizerId: string; roundId: string; unitId: string | null; perspective: string; itemKeys: string[] }
) {
	const res = await db.execute(sql`
		SELECT count(*) FILTER (WHERE a.level >= 3)::int AS "atLeast3", count(a.level)::int AS levels
		FROM assessment_answers a JOIN assessment_responses r ON r.id = a.response_id
		WHERE r.organizer_id = ${o.organizerId} AND r.round_id = ${o.roundId} AND r.submitted_at IS NOT NULL
			AND r.perspective = ${o.perspective} AND a.item_key IN (${sql.join(
				o.itemKeys.map((k) => sql`${k}`),
				sql`, `
			)})
			${o.unitId ? sql`AND r.unit_id = ${o.unitId}` : sql``}`);
	return rowsOf<{ atLeast3: number; levels: number }>(res)[0] ?? { atLeast3: 0, levels: 0 };
}

/**
 * The values of a self-assessment indicator over the organizer's latest closed rounds of its framework
 * (oldest first): the mean level of a sub-goal or item (all perspectives, or one), or one perspective's share of answers at level 3 or
 * above, at a unit (unitId) or the organizer. Figures come from the organizer's report, so whatever the
 * anonymity rule hides there stays hidden here. Rounds the unit took no part in are left out.
 */
export async function assessmentSeries(
	db: Db,
	o: {
		organizerId: string;
		unitId: string | null;
		kind: 'assessment_mean' | 'assessment_share';
		params: IndicatorParams;
		cache: ReportCache;
	}
): Promise<RoundPoint[]> {
	const { frameworkKey, subGoalId, itemKey, perspective } = o.params;
	if (!frameworkKey || !subGoalId) return [];
	const rounds = await db
		.select({
			id: assessmentRounds.id,
			opensOn: assessmentRounds.opensOn,
			closesOn: assessmentRounds.closesOn,
			closedAt: assessmentRounds.closedAt
		})
		.from(assessmentRounds)
		.where(and(eq(assessmentRounds.organizerId, o.organizerId), eq(assessmentRounds.frameworkKey, frameworkKey)))
		.orderBy(desc(assessmentRounds.opensOn));
	const closed = rounds
		.filter((r) => roundStatus(r) === 'closed')
		.slice(0, ROUNDS)
		.reverse();
	const row = o.unitId ?? TOTAL;
	const points: RoundPoint[] = [];
	for (const round of closed) {
		const r = await report(db, o.cache, o.organizerId, round.id);
		const sg = r.subGoals.find((s) => s.id === subGoalId);
		if (!sg || (o.unitId && !r.units.some((u) => u.id === o.unitId))) continue;
		if (itemKey && !sg.itemKeys.includes(itemKey)) continue;
		const base = { label: r.round.name, on: r.round.closesOn };
		if (o.kind === 'assessment_mean') {
			const col = perspective ?? TOTAL;
			const cell = itemKey
				? await itemCell(db, r, o.organizerId, row, col, subGoalId, itemKey)
				: (r.figures[subGoalId]?.[row]?.[col] ?? null);
			points.push({ ...base, ...meanOf(cell), cell });
		} else {
			const cell = perspective ? r.figures[subGoalId]?.[row]?.[perspective] : undefined;
			if (!cell || !perspective) continue;
			const counts = await levelCounts(db, {
				organizerId: o.organizerId,
				roundId: round.id,
				unitId: o.unitId,
				perspective,
				itemKeys: itemKey ? [itemKey] : sg.itemKeys
			});
			points.push({ ...base, ...shareAtLevel3(counts, cell.shown), cell: null });
		}
	}
	return points;
}
