/**
 * What bench:followup measures (issue 20's budget): the calls behind the organizer's one-picture view (p95 < 500 ms)
 * and behind the board report's data (p95 < 2 s). ONE list, here: once followup/picture and followup/board-report are
 * merged, put their loaders in place of the stand-ins below (one entry per budget), and keep the parts as entries
 * without a budget if their figures still help.
 *
 * Until then each budget is measured on a stand-in: the existing module functions the view and the report will call,
 * run together as a loader would (Promise.all over one pool), for the current school year.
 */
import type { Db } from '../src/lib/server/db';
import type { Actor } from '../src/lib/server/policies';
import { getSupportFigures } from '../src/lib/server/support/followup/get-support-figures';
import { rollUpPlans } from '../src/lib/server/planning/roll-up-plans';
import { computeOrganizerReport } from '../src/lib/server/assessment/reports/compute-organizer-report';
import { findModelCosts } from '../src/lib/server/devices/find-model-costs';
import { computePoolUse } from '../src/lib/server/apps/find-licence-use';
import { periodOf } from '../src/lib/server/planning/period';
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

export const TARGETS: Target[] = [
	// Stand-in for the one-picture loader (followup/picture): this year's support, the plan roll-up, the latest round,
	// device costs and licence use, together.
	{
		name: 'one-picture view (stand-in)',
		budgetMs: 500,
		run: (c) => Promise.all([supportYear(c), rollUp(c), latestRound(c), deviceCosts(c), licences(c)])
	},
	// Stand-in for the board report's data loader (followup/board-report): as the view, plus last year's support
	// figures for the trend and all three rounds.
	{
		name: 'board report data (stand-in)',
		budgetMs: 2000,
		run: (c) => Promise.all([supportYear(c), previousYear(c), rollUp(c), allRounds(c), deviceCosts(c), licences(c)])
	},
	// The parts, one at a time, to see where the time goes.
	{ name: 'getSupportFigures, organizer, school year', budgetMs: null, run: supportYear },
	{ name: 'rollUpPlans (sub-goal roll-up)', budgetMs: null, run: rollUp },
	{ name: 'computeOrganizerReport, latest round', budgetMs: null, run: latestRound },
	{ name: 'findModelCosts (device cost figures)', budgetMs: null, run: deviceCosts },
	{ name: 'computePoolUse (licence use)', budgetMs: null, run: licences }
];
