/**
 * Benchmark: the organizer report of a round with 300 units × 60 items × 30 respondents per unit
 * (540 000 answers). Runs against DATABASE_URL when set (PostgreSQL), otherwise in-memory PGlite.
 *
 *   npm run bench:assessment-rollup
 *   bash scripts/test-postgres.sh -- npm run bench:assessment-rollup
 */
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/lib/server/db';
import { computeOrganizerReport } from '../src/lib/server/assessment/reports/compute-organizer-report';
import { fillRound } from './fill-round';
import { databaseLabel, timeRuns } from './timing';

const UNITS = 300;
const ITEMS = 60;
const RESPONDENTS = 30;
/** Timed runs after WARMUP untimed ones (first runs pay for JIT and cold caches). */
const RUNS = 21;
const WARMUP = 3;

const handle = await openDatabase({ url: process.env.DATABASE_URL, dataDir: 'memory://' });
await handle.migrate();
const { db } = handle;
const started = performance.now();

const { organizer, round, itemKeys } = await fillRound(db, { units: UNITS, items: ITEMS, respondents: RESPONDENTS });
const built = performance.now() - started;

const actor = {
	personId: '00000000-0000-0000-0000-000000000000',
	name: 'Bench',
	assignments: [{ organizerId: organizer.id, unitId: null, role: 'org_admin' as const }]
};
const timed = await timeRuns(() => computeOrganizerReport(db, { actor, organizerId: organizer.id, roundId: round.id }), {
	runs: RUNS,
	warmup: WARMUP
});
const report = timed.last;
console.log(
	`assessment-rollup: ${UNITS} units × ${itemKeys.length} items × ${RESPONDENTS} respondents (${UNITS * itemKeys.length * RESPONDENTS} answers)`
);
console.log(`database: ${await databaseLabel(handle)}; data built in ${(built / 1000).toFixed(1)} s`);
console.log(`computeOrganizerReport over ${RUNS} runs (after ${WARMUP} warm-up): ${timed.summary}; budget < 300 ms`);
console.log(
	`check: ${report.units.length} units, ${report.subGoals.length} sub-goals, organizer students in sub-goal ${report.subGoals[0].id}: mean ${report.figures[report.subGoals[0].id]['__total__'].students.mean?.toFixed(2)}`
);
await handle.close();
