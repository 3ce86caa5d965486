/**
 * Benchmark: the organizer's plan roll-up (`rollUpPlans`, the page /<org>/planering/sammanstallning) over
 * 300 units × 20 actions each (6 000 actions, each linked to a sub-goal), with the gaps read from a closed
 * round of 300 units × 60 items × 10 respondents. Runs against DATABASE_URL when set (PostgreSQL), otherwise
 * in-memory PGlite. Then, for reference, the plan report with a computed indicator in each unit's effect chain.
 *
 *   npm run bench:planning
 *   bash scripts/test-postgres.sh -- npm run bench:planning
 */
import { sql } from 'drizzle-orm';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/lib/server/db';
import { people, memberships } from '../src/lib/server/db/schema';
import { periodOf } from '../src/lib/server/planning/period';
import { computeOrganizerReport } from '../src/lib/server/assessment/reports/compute-organizer-report';
import { buildPlanReport } from '../src/lib/server/planning/build-plan-report';
import { rollUpPlans } from '../src/lib/server/planning/roll-up-plans';
import { swedishSortKey } from '../src/lib/sort-key';
import { fillRound } from './fill-round';
import { databaseLabel, timeRuns } from './timing';

const UNITS = 300;
const ACTIONS_PER_UNIT = 20;
const RUNS = 21;
const WARMUP = 3;
const REPORT_RUNS = 5;

const handle = await openDatabase({ url: process.env.DATABASE_URL, dataDir: 'memory://' });
await handle.migrate();
const { db } = handle;
const started = performance.now();
const { organizer, round, unitIds } = await fillRound(db, { units: UNITS, items: 60, respondents: 10 });
const [owner] = await db
	.insert(people)
	.values({ name: 'Bench Ägare', nameSort: swedishSortKey('Bench Ägare'), email: `bench-${Date.now()}@example.se` })
	.returning();
await db.insert(memberships).values({ personId: owner.id, organizerId: organizer.id });
const period = periodOf();
const subGoals = ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2'];
// Plans, actions and links generated in the database: one INSERT … SELECT each.
await db.execute(sql`
	INSERT INTO planning_plans (organizer_id, unit_id, period)
	SELECT ${organizer.id}, u::uuid, ${period} FROM jsonb_array_elements_text(${JSON.stringify(unitIds)}::jsonb) AS x(u)`);
await db.execute(sql`
	INSERT INTO planning_actions (organizer_id, plan_id, title, responsible_id, starts_on, due_on, status)
	SELECT ${organizer.id}, p.id, 'Aktivitet ' || g, ${owner.id}, current_date - 60, current_date - 30 + (g * 7),
		(ARRAY['planned', 'in_progress', 'on_hold', 'done', 'dropped'])[1 + (abs(hashtext(p.id::text || g)) % 5)]
	FROM planning_plans p CROSS JOIN generate_series(1, ${ACTIONS_PER_UNIT}) g
	WHERE p.organizer_id = ${organizer.id}`);
await db.execute(sql`
	INSERT INTO planning_action_links (action_id, organizer_id, framework_key, sub_goal_id)
	SELECT a.id, ${organizer.id}, 'nationella-strategin', (${JSON.stringify(subGoals)}::jsonb ->> (abs(hashtext(a.id::text)) % ${subGoals.length}))
	FROM planning_actions a WHERE a.organizer_id = ${organizer.id}`);
// An effect chain per unit whose effect has an indicator Rödtråd computes: the staff's mean level in 1.1.
await db.execute(sql`
	INSERT INTO planning_effect_chains (organizer_id, unit_id, title)
	SELECT ${organizer.id}, u::uuid, 'Kedja' FROM jsonb_array_elements_text(${JSON.stringify(unitIds)}::jsonb) AS x(u)`);
await db.execute(sql`
	INSERT INTO planning_chain_steps (organizer_id, chain_id, kind, text)
	SELECT ${organizer.id}, c.id, 'effect', 'Effekt' FROM planning_effect_chains c WHERE c.organizer_id = ${organizer.id}`);
await db.execute(sql`
	INSERT INTO planning_indicators (organizer_id, step_id, name, kind, params)
	SELECT ${organizer.id}, s.id, 'Personalens medelnivå', 'assessment_mean', '{"frameworkKey":"nationella-strategin","subGoalId":"1.1","perspective":"staff"}'::jsonb
	FROM planning_chain_steps s WHERE s.organizer_id = ${organizer.id}`);
await db.execute(sql`ANALYZE`);
const built = performance.now() - started;

const actor = {
	personId: owner.id,
	name: 'Bench',
	assignments: [{ organizerId: organizer.id, unitId: null, role: 'leadership' as const }]
};
const timed = await timeRuns(() => rollUpPlans(db, { actor, organizerId: organizer.id, period }), { runs: RUNS, warmup: WARMUP });
const r = timed.last;
// For comparison on the same data and load: the self-assessment report the gaps are read from, alone.
const report = await timeRuns(() => computeOrganizerReport(db, { actor, organizerId: organizer.id, roundId: round.id }), {
	runs: RUNS,
	warmup: WARMUP
});
console.log(
	`planning: roll-up of ${UNITS} unit plans × ${ACTIONS_PER_UNIT} actions (${UNITS * ACTIONS_PER_UNIT}), gaps from a closed round of ${UNITS} units`
);
console.log(`database: ${await databaseLabel(handle)}; data built in ${(built / 1000).toFixed(1)} s`);
console.log(`rollUpPlans over ${RUNS} runs (after ${WARMUP} warm-up): ${timed.summary}; budget p95 < 300 ms`);
console.log(`for comparison, computeOrganizerReport alone: ${report.summary}`);
// The plan report: goals → actions → status → the computed indicators of all 300 chains.
const planReport = await timeRuns(() => buildPlanReport(db, { actor, organizerId: organizer.id, period, locale: 'sv' }), {
	runs: REPORT_RUNS,
	warmup: 1
});
console.log(
	`buildPlanReport with ${planReport.last.indicators.length} computed indicators, over ${REPORT_RUNS} runs: ${planReport.summary} (no budget named)`
);
console.log(
	`check: ${r.rows.length} sub-goals, ${r.rows.reduce((n, x) => n + x.total, 0)} actions counted, ${r.rows.reduce((n, x) => n + x.gaps.length, 0)} gaps, round ${r.round ? 'read' : 'missing'}`
);
await handle.close();
