import { and, desc, eq, lt, ne } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentRounds } from '../../db/schema';
import { authorize, type Actor } from '../../policies';
import { matchItems } from '../framework/compare-versions';
import { getFramework } from '../framework/get-framework';
import { computeOrganizerReport, type OrganizerReport } from './compute-organizer-report';
import { fetchGroupStats } from './report-queries';
import { figure, isRealChange, type CellFigure } from './stats';
import { TOTAL } from './suppress';
import { readTogether } from '../../db/read-together';

export type Change = { before: CellFigure | null; after: CellFigure | null; diff: number | null; real: boolean };
export type Progression = {
	earlier: { id: string; name: string; opensOn: string }[];
	compared: { id: string; name: string; opensOn: string; frameworkVersion: string } | null;
	subGoals: (Change & { id: string })[];
	items: (Change & {
		key: string;
		text: { sv: string; en: string };
		previousKey: string | null;
		previousText: { sv: string; en: string } | null;
		meaningChanged: boolean;
	})[];
	/** Per unit (in both rounds) and sub-goal: its pooled value then and now (decision 028; hidden values compare as nothing). */
	units: { id: string; name: string; subGoals: (Change & { id: string })[] }[];
	/** The organizer's mean per sub-goal over the last TREND_ROUNDS rounds of the framework, oldest first (this round last). */
	trend: { rounds: { id: string; name: string; opensOn: string }[]; subGoals: { id: string; means: (number | null)[] }[] };
};

/** How many rounds the trend shows at most (this one included). */
export const TREND_ROUNDS = 6;

const change = (before: CellFigure | null, after: CellFigure | null): Change => ({
	before,
	after,
	diff: before?.mean != null && after?.mean != null && before.shown && after.shown ? after.mean - before.mean : null,
	real: isRealChange(before ?? undefined, after ?? undefined)
});

/** Organizer totals (all units and perspectives) per item, shown only where the sub-goal's organizer total is shown. */
async function itemTotals(db: Db, report: OrganizerReport, organizerId: string) {
	const groups = Object.fromEntries(report.subGoals.flatMap((sg) => sg.itemKeys.map((k) => [k, k])));
	const rows = await fetchGroupStats(db, { organizerId, roundId: report.round.id, groups, threshold: report.round.threshold });
	const subGoalOf = new Map(report.subGoals.flatMap((sg) => sg.itemKeys.map((k) => [k, sg.id])));
	const out = new Map<string, CellFigure>();
	for (const r of rows) {
		if (r.unitId !== null || r.perspective !== null) continue;
		const grand = report.figures[subGoalOf.get(r.groupKey)!]?.[TOTAL]?.[TOTAL];
		out.set(r.groupKey, figure(r, !grand || grand.suppressed));
	}
	return out;
}

/**
 * Compares a round with an earlier round of the same framework key for the organizer (by default the
 * latest one before it): organizer totals per sub-goal and per item, items matched by key across
 * versions (an item that `replaces` another is compared but flagged as changed in meaning). A change
 * is marked real only by `isRealChange`.
 */
export async function computeProgression(
	db: Db,
	opts: { actor: Actor; organizerId: string; report: OrganizerReport; compareWith?: string }
): Promise<Progression> {
	authorize(opts.actor, 'assessment.organizer_report', { type: 'organizer', organizerId: opts.organizerId });
	const current = opts.report;
	const earlier = await db
		.select({
			id: assessmentRounds.id,
			name: assessmentRounds.name,
			opensOn: assessmentRounds.opensOn,
			frameworkVersion: assessmentRounds.frameworkVersion
		})
		.from(assessmentRounds)
		.where(
			and(
				eq(assessmentRounds.organizerId, opts.organizerId),
				eq(assessmentRounds.frameworkKey, current.round.frameworkKey),
				lt(assessmentRounds.opensOn, current.round.opensOn),
				ne(assessmentRounds.id, current.round.id)
			)
		)
		.orderBy(desc(assessmentRounds.opensOn));
	const compared = earlier.find((r) => r.id === opts.compareWith) ?? earlier[0] ?? null;
	const reports = new Map<string, Promise<OrganizerReport>>([[current.round.id, Promise.resolve(current)]]);
	const reportOf = (roundId: string) => {
		if (!reports.has(roundId))
			reports.set(roundId, computeOrganizerReport(db, { actor: opts.actor, organizerId: opts.organizerId, roundId }));
		return reports.get(roundId)!;
	};
	// The trend: the organizer total of each sub-goal in every round, hidden totals as gaps (one report per round, in turn).
	const trendRounds = [
		...earlier.slice(0, TREND_ROUNDS - 1).reverse(),
		{ id: current.round.id, name: current.round.name, opensOn: current.round.opensOn }
	];
	const trendReports: OrganizerReport[] = [];
	for (const r of trendRounds) trendReports.push(await reportOf(r.id));
	const trend: Progression['trend'] = {
		rounds: trendRounds.map(({ id, name, opensOn }) => ({ id, name, opensOn })),
		subGoals: current.subGoals.map((sg) => ({
			id: sg.id,
			means: trendReports.map((rep) => {
				const f = rep.figures[sg.id]?.[TOTAL]?.[TOTAL];
				return f?.shown ? f.mean : null;
			})
		}))
	};
	const base = { earlier: earlier.map(({ id, name, opensOn }) => ({ id, name, opensOn })), compared, trend };
	if (!compared) return { ...base, subGoals: [], items: [], units: [] };

	const previous = await reportOf(compared.id);
	const [beforeItems, afterItems] = await readTogether(db, [
		() => itemTotals(db, previous, opts.organizerId),
		() => itemTotals(db, current, opts.organizerId)
	]);
	const [oldFw, newFw] = await Promise.all([
		getFramework(previous.round.frameworkKey, previous.round.frameworkVersion),
		getFramework(current.round.frameworkKey, current.round.frameworkVersion)
	]);
	const match = matchItems(oldFw, newFw);
	const previousKeyOf = new Map<string, { key: string; meaningChanged: boolean }>();
	for (const m of match.matched) previousKeyOf.set(m.key, { key: m.key, meaningChanged: false });
	for (const r of match.replaced) previousKeyOf.set(r.new.key, { key: r.old.key, meaningChanged: true });
	// The organizer's own items match only by the same key in both rounds.
	for (const key of afterItems.keys())
		if (key.startsWith('egen.') && beforeItems.has(key)) previousKeyOf.set(key, { key, meaningChanged: false });

	return {
		...base,
		subGoals: current.subGoals.map((sg) => ({
			id: sg.id,
			...change(previous.figures[sg.id]?.[TOTAL]?.[TOTAL] ?? null, current.figures[sg.id][TOTAL][TOTAL])
		})),
		units: current.units
			.filter((u) => previous.units.some((p) => p.id === u.id))
			.map((u) => ({
				id: u.id,
				name: u.name,
				subGoals: current.subGoals.map((sg) => ({
					id: sg.id,
					...change(previous.figures[sg.id]?.[u.id]?.[TOTAL] ?? null, current.figures[sg.id][u.id][TOTAL])
				}))
			})),
		items: current.subGoals.flatMap((sg) =>
			sg.itemKeys.map((key) => {
				const prev = previousKeyOf.get(key);
				const c = change(prev ? (beforeItems.get(prev.key) ?? null) : null, afterItems.get(key) ?? null);
				// A comparison across a change of meaning is shown but never marked as a real change.
				const text = current.itemTexts[key] ?? { sv: key, en: key };
				const previousText = prev ? (previous.itemTexts[prev.key] ?? null) : null;
				return {
					key,
					text,
					previousKey: prev?.key ?? null,
					previousText,
					meaningChanged: prev?.meaningChanged ?? false,
					...c,
					real: c.real && !prev?.meaningChanged
				};
			})
		)
	};
}
