import type { Db } from '../../db';
import { authorize, type Actor } from '../../policies';
import { getRound } from '../rounds/get-round';
import { getRoundItems } from '../rounds/round-items';
import { fetchConsensus, fetchRespondentCounts, fetchRoundUnits, fetchSubGoalStats, fetchThinPools, type StatRow } from './report-queries';
import { equity, figure, type CellFigure, type Equity, type HiddenWhy } from './stats';
import { cellKey, suppressGroups, TOTAL } from './suppress';
import { keyOf, suppressSubGoal } from './suppress-round';
import { readTogether } from '../../db/read-together';
import { roundStatus } from '../rounds/round-status';
import { answersPublished } from '../consensus/samsyn-visibility';

/** Figures by row (unit id or TOTAL) and column (perspective or TOTAL). */
export type FigureTable = Record<string, Record<string, CellFigure>>;

/**
 * A unit's value for a sub-goal in the default view (decision 028): the pooled mean of all its perspectives
 * where that may be shown, else the mean of its agreed levels where the unit has decided, else nothing;
 * `why` says why the answers are not shown (null when they are, or when there is nothing to show).
 */
export type UnitValue = { value: number | null; source: 'answers' | 'decided' | null; why: HiddenWhy | null };

export type ConsensusEntry = { level: number | null; special: string | null; evidence: string; note: string };

export type OrganizerReport = {
	round: {
		id: string;
		name: string;
		frameworkKey: string;
		frameworkVersion: string;
		opensOn: string;
		closesOn: string;
		threshold: number;
		published: boolean;
	};
	perspectives: string[];
	units: { id: string; name: string }[];
	subGoals: { id: string; title: { sv: string; en: string }; itemKeys: string[]; perspectives: string[] }[];
	/** Submitted respondents per unit × perspective with totals; null = hidden. */
	respondents: Record<string, Record<string, number | null>>;
	/** Per sub-goal: mean level per unit × perspective with unit, perspective and organizer totals. */
	figures: Record<string, FigureTable>;
	/** Agreed level per unit × item. */
	consensus: Record<string, Record<string, ConsensusEntry>>;
	/** Per sub-goal and unit: mean of the agreed levels (null when none). */
	consensusMeans: Record<string, Record<string, number | null>>;
	/** Per sub-goal: spread of the units' default-view values (unitValues) and of their agreed levels, with how many units each counts. */
	equity: Record<string, { answers: Equity; consensus: Equity; counted: { answers: number; consensus: number } }>;
	/** The statement of every item of the round, by key: reports show items by their text, never their key. */
	itemTexts: Record<string, { sv: string; en: string }>;
	/** Per sub-goal and unit: the default view's value (see UnitValue). */
	unitValues: Record<string, Record<string, UnitValue>>;
};

/**
 * The spread between the given units for one sub-goal: over the default view's values (pooled answers, or
 * the agreed level where the answers are hidden, decision 028) and over agreed levels, with how many count.
 */
export function subGoalEquity(
	units: { id: string }[],
	values: Record<string, UnitValue>,
	decided: Record<string, number | null>
): OrganizerReport['equity'][string] {
	const answerMeans = units.map((u) => values[u.id].value).filter((m): m is number => m !== null);
	const decidedMeans = units.map((u) => decided[u.id]).filter((m): m is number => m !== null);
	return {
		answers: equity(answerMeans),
		consensus: equity(decidedMeans),
		counted: { answers: answerMeans.length, consensus: decidedMeans.length }
	};
}

/**
 * The organizer's roll-up of a round: respondents and mean levels per unit × sub-goal × perspective
 * (vet ej / ej aktuellt counted but left out of means), totals per unit, perspective and organizer,
 * the units' agreed levels, and the spread between units. Suppressed cells carry no numbers, and
 * neither does any cell before the round has closed (decision 014: a mean that moves with each
 * submission gives that answer away); respondent counts stay.
 */
export async function computeOrganizerReport(
	db: Db,
	opts: { actor: Actor; organizerId: string; roundId: string }
): Promise<OrganizerReport> {
	authorize(opts.actor, 'assessment.organizer_report', { type: 'organizer', organizerId: opts.organizerId });
	return buildOrganizerReport(db, opts);
}

/**
 * The roll-up without the reader check, for callers that show only its anonymity-safe figures under their
 * own rule (an effect chain's computed indicators, decision 022). Anything else calls computeOrganizerReport.
 */
export async function buildOrganizerReport(db: Db, opts: { organizerId: string; roundId: string }): Promise<OrganizerReport> {
	const round = await getRound(db, { organizerId: opts.organizerId, roundId: opts.roundId });
	const { subGoals } = await getRoundItems(db, round);
	const groups: Record<string, string> = {};
	for (const sg of subGoals) for (const item of sg.items) groups[item.key] = sg.id;
	const scope = { organizerId: opts.organizerId, roundId: round.id };
	const threshold = round.anonymityThreshold;
	const [units, respondentRows, statRows, consensusRows, poolRows] = await readTogether(db, [
		() => fetchRoundUnits(db, scope),
		() => fetchRespondentCounts(db, scope),
		() => fetchSubGoalStats(db, { ...scope, groups, threshold }),
		() => fetchConsensus(db, scope),
		() => fetchThinPools(db, { ...scope, groups, threshold })
	]);

	const roundPerspectives = round.perspectives;
	const published = answersPublished(roundStatus(round));
	const rows = [...units.map((u) => u.id), TOTAL];
	const cols = [...roundPerspectives, TOTAL];
	const respondentSuppression = suppressGroups({
		cells: respondentRows.map((r) => ({ row: r.unitId, col: r.perspective, count: r.count })),
		threshold
	});
	const respondents: OrganizerReport['respondents'] = {};
	for (const row of rows) {
		respondents[row] = {};
		for (const col of cols) respondents[row][col] = respondentSuppression.shown(row, col) ? respondentSuppression.count(row, col) : null;
	}

	const bySubGoal = new Map<string, StatRow[]>();
	for (const r of statRows) {
		const list = bySubGoal.get(r.groupKey);
		if (list) list.push(r);
		else bySubGoal.set(r.groupKey, [r]);
	}

	const consensus: OrganizerReport['consensus'] = {};
	for (const c of consensusRows)
		(consensus[c.unitId] ??= {})[c.itemKey] = { level: c.level, special: c.special, evidence: c.evidence, note: c.note };

	const figures: OrganizerReport['figures'] = {};
	const consensusMeans: OrganizerReport['consensusMeans'] = {};
	const equityBySubGoal: OrganizerReport['equity'] = {};
	const unitValues: OrganizerReport['unitValues'] = {};
	const subGoalList: OrganizerReport['subGoals'] = [];
	const suppressionMemo = new Map<string, ReturnType<typeof suppressSubGoal>>();
	for (const sg of subGoals) {
		const perspectives = roundPerspectives.filter((p) => sg.items.some((i) => (i.perspectives as string[]).includes(p)));
		subGoalList.push({ id: sg.id, title: sg.title, itemKeys: sg.items.map((i) => i.key), perspectives });
		const stats = bySubGoal.get(sg.id) ?? [];
		// Sub-goals with the same perspectives and the same thin groups get the same suppression.
		const thinPools = poolRows.filter((p) => p.groupKey === sg.id).map((p) => p.unitId);
		const memoKey = `${perspectives.join()}|${stats
			.filter((r) => r.thin)
			.map((r) => cellKey(keyOf(r.unitId), keyOf(r.perspective)))
			.sort()
			.join()}|${[...thinPools].sort().join()}`;
		let suppression = suppressionMemo.get(memoKey);
		if (!suppression) {
			suppression = suppressSubGoal({ respondents: respondentRows, perspectives, thinRows: stats, thinPools, threshold });
			suppressionMemo.set(memoKey, suppression);
		}
		const sums = new Map(stats.map((s) => [cellKey(keyOf(s.unitId), keyOf(s.perspective)), s]));
		const table: FigureTable = {};
		for (const row of rows) {
			table[row] = {};
			for (const col of cols) {
				const key = cellKey(row, col);
				const f: CellFigure = figure(sums.get(key), !published || suppression.hidden.has(key));
				if (f.suppressed) f.why = !published ? 'closed' : suppression.primary.has(key) ? 'few' : 'protect';
				table[row][col] = f;
			}
		}
		figures[sg.id] = table;
		consensusMeans[sg.id] = {};
		for (const unit of units) {
			const levels = sg.items.map((i) => consensus[unit.id]?.[i.key]?.level).filter((l): l is number => typeof l === 'number');
			consensusMeans[sg.id][unit.id] = levels.length ? levels.reduce((a, b) => a + b, 0) / levels.length : null;
		}
		unitValues[sg.id] = {};
		for (const unit of units) {
			const f = table[unit.id][TOTAL];
			const decided = consensusMeans[sg.id][unit.id];
			const why = f.suppressed ? (f.why ?? 'protect') : null;
			unitValues[sg.id][unit.id] =
				f.shown && f.mean !== null
					? { value: f.mean, source: 'answers', why: null }
					: decided !== null
						? { value: decided, source: 'decided', why }
						: { value: null, source: null, why };
		}
		equityBySubGoal[sg.id] = subGoalEquity(units, unitValues[sg.id], consensusMeans[sg.id]);
	}

	return {
		round: {
			id: round.id,
			name: round.name,
			frameworkKey: round.frameworkKey,
			frameworkVersion: round.frameworkVersion,
			opensOn: round.opensOn,
			closesOn: round.closesOn,
			threshold,
			published
		},
		perspectives: roundPerspectives,
		units,
		subGoals: subGoalList,
		respondents,
		figures,
		consensus,
		consensusMeans,
		equity: equityBySubGoal,
		itemTexts: Object.fromEntries(subGoals.flatMap((sg) => sg.items.map((i) => [i.key, i.statement]))),
		unitValues
	};
}
