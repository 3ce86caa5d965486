/**
 * What bench:followup measures (issue 20's budget): the organizer's one-picture view (loadFollowupPicture, p95 <
 * 500 ms) and the board report's data (gatherBoardFigures for the autumn term, p95 < 2 s). ONE list, here; the parts
 * the two call follow without a budget, to see where the time goes.
 */
import type { Db } from '../src/lib/server/db';
import type { Actor } from '../src/lib/server/policies';
import { getSupportFigures } from '../src/lib/server/support/followup/get-support-figures';
import { olaCompliance } from '../src/lib/server/support/followup/ola-compliance';
import { rollUpPlans } from '../src/lib/server/planning/roll-up-plans';
import { computeOrganizerReport } from '../src/lib/server/assessment/reports/compute-organizer-report';
import { findModelCosts } from '../src/lib/server/devices/find-model-costs';
import { computePoolUse } from '../src/lib/server/apps/find-licence-use';
import { periodOf } from '../src/lib/server/planning/period';
import { loadFollowupPicture } from '../src/lib/server/followup/picture/load-followup-picture';
import { gatherBoardFigures } from '../src/lib/server/followup/board-report/gather-board-figures';
import { figureLoaders, SUB_GOAL_FIGURES, type FigureContext } from '../src/lib/server/followup/picture/operational-figures';
import { loadAssessmentTrend } from '../src/lib/server/followup/picture/load-assessment-trend';
import { loadBoardStanding } from '../src/lib/server/followup/board-report/standing';
import { computeOrganizerModelCosts } from '../src/lib/server/devices/find-model-costs';
import type { FollowupBench } from './followup-fill';

export type BenchContext = FollowupBench & { db: Db; actor: Actor; today: string };
export type Target = { name: string; budgetMs: number | null; run: (c: BenchContext) => Promise<unknown> };

const supportYear = (c: BenchContext) =>
	getSupportFigures(c.db, {
		actor: c.actor,
		filter: { organizerId: c.organizerId, unitId: null, chain: null, from: c.schoolYear.from, to: c.schoolYear.to }
	});
const previousYear = (c: BenchContext) => {
	const y = Number(c.schoolYear.from.slice(0, 4)) - 1;
	return getSupportFigures(c.db, {
		actor: c.actor,
		filter: { organizerId: c.organizerId, unitId: null, chain: null, from: `${y}-07-01`, to: `${y + 1}-07-01` }
	});
};
const rollUp = (c: BenchContext) => rollUpPlans(c.db, { actor: c.actor, organizerId: c.organizerId, period: periodOf(c.today) });
const latestRound = (c: BenchContext) =>
	computeOrganizerReport(c.db, { actor: c.actor, organizerId: c.organizerId, roundId: c.roundIds[0] });
const allRounds = (c: BenchContext) =>
	Promise.all(c.roundIds.map((roundId) => computeOrganizerReport(c.db, { actor: c.actor, organizerId: c.organizerId, roundId })));
const deviceCosts = (c: BenchContext) => findModelCosts(c.db, { actor: c.actor, organizerId: c.organizerId });
const licences = (c: BenchContext) => computePoolUse(c.db, c.organizerId, c.today);

const picture = (c: BenchContext) =>
	loadFollowupPicture(c.db, { actor: c.actor, organizerId: c.organizerId, unitId: null, from: c.schoolYear.from, to: c.schoolYear.to });
const autumn = (c: BenchContext) => {
	const y = c.schoolYear.from.slice(0, 4);
	return { from: `${y}-08-01`, to: `${y}-12-31`, label: `HT ${y}` };
};
const boardData = (c: BenchContext) =>
	gatherBoardFigures(c.db, {
		actor: c.actor,
		organizer: { id: c.organizerId, name: 'Benchkommun' },
		period: autumn(c),
		unit: null,
		asks: []
	});

/** The picture's operational figures, one loader at a time, as loadFollowupPicture calls them (organizer-wide). */
const pictureContext = (c: BenchContext): FigureContext => ({
	db: c.db,
	actor: c.actor,
	organizerId: c.organizerId,
	unitId: null,
	subtree: new Set(),
	ancestorIds: [],
	from: c.schoolYear.from,
	to: c.schoolYear.to,
	asOf: c.today
});
const loaderTargets: Target[] = figureLoaders(Object.keys(SUB_GOAL_FIGURES)).map((l) => ({
	name: `picture part: ${l.key} figures`,
	budgetMs: null,
	run: (c) => l.load(pictureContext(c))
}));
const trend = (c: BenchContext) =>
	loadAssessmentTrend(c.db, {
		actor: c.actor,
		organizerId: c.organizerId,
		unitId: null,
		unitResource: null,
		frameworkKey: 'nationella-strategin',
		before: c.schoolYear.to,
		today: c.today,
		subGoalIds: Object.keys(SUB_GOAL_FIGURES)
	});
const boardSupport = (c: BenchContext) => {
	const y = c.schoolYear.from.slice(0, 4);
	return getSupportFigures(c.db, {
		actor: c.actor,
		filter: { organizerId: c.organizerId, unitId: null, chain: null, from: `${y}-08-01`, to: `${Number(y) + 1}-01-01` }
	});
};

const boardOla = (c: BenchContext) => {
	const y = c.schoolYear.from.slice(0, 4);
	return olaCompliance(c.db, { organizerId: c.organizerId, unitId: null, chain: null, from: `${y}-08-01`, to: `${Number(y) + 1}-01-01` });
};

export const TARGETS: Target[] = [
	{ name: 'one-picture view (loadFollowupPicture)', budgetMs: 500, run: picture },
	{ name: 'board report data (gatherBoardFigures, autumn term)', budgetMs: 2000, run: boardData },
	// The parts, one at a time, to see where the time goes.
	{ name: 'getSupportFigures, organizer, school year', budgetMs: null, run: supportYear },
	{ name: 'getSupportFigures, organizer, the year before', budgetMs: null, run: previousYear },
	{ name: 'rollUpPlans (sub-goal roll-up)', budgetMs: null, run: rollUp },
	{ name: 'computeOrganizerReport, latest round', budgetMs: null, run: latestRound },
	{ name: 'computeOrganizerReport, all three rounds', budgetMs: null, run: allRounds },
	{ name: 'findModelCosts (device cost figures)', budgetMs: null, run: deviceCosts },
	{ name: 'computePoolUse (licence use)', budgetMs: null, run: licences },
	{ name: 'picture part: assessment trend (3 rounds)', budgetMs: null, run: trend },
	...loaderTargets,
	{ name: 'board part: getSupportFigures, autumn term', budgetMs: null, run: boardSupport },
	{ name: 'board part: olaCompliance, autumn term', budgetMs: null, run: boardOla },
	{
		name: 'board part: loadBoardStanding',
		budgetMs: null,
		run: (c) => loadBoardStanding(c.db, { actor: c.actor, organizerId: c.organizerId, unitId: null, until: autumn(c).to })
	},
	{
		name: 'board part: computeOrganizerModelCosts',
		budgetMs: null,
		run: (c) => computeOrganizerModelCosts(c.db, { organizerId: c.organizerId })
	}
];
