/**
 * Benchmark (issue 20): the organizer's one-picture view and the board report's data over 300 units, 1 000 000 cases,
 * 200 000 devices and three assessment rounds; budget p95 < 500 ms for the view and < 2 s for the report data. The
 * calls measured are listed in bench/followup-targets.ts; the data is made by bench/followup-fill.ts. Runs against
 * DATABASE_URL (PostgreSQL), otherwise in-memory PGlite (then set BENCH_SCALE=0.01 or so, for a quick try):
 *
 *   bash scripts/test-postgres.sh -- npm run bench:followup
 *   BENCH_SCALE=0.01 npm run bench:followup
 *
 * BENCH_RUNS (default 21) timed runs after BENCH_WARMUP (default 3) warm-ups, each target alone, one after the other;
 * BENCH_ONLY=a|b times only the targets whose name contains one of them.
 */
import { sql } from 'drizzle-orm';
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { openDatabase } from '../src/lib/server/db';
import { todayInStockholm } from '../src/lib/server/auth/load-actor';
import { fillFollowupBench, VOLUME } from './followup-fill';
import { TARGETS } from './followup-targets';
import { databaseLabel, timeRuns } from './timing';

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const log = (s: string) => console.log(`[${(performance.now() / 1000).toFixed(1)} s] ${s}`);

const handle = await openDatabase({ url: process.env.DATABASE_URL, dataDir: 'memory://' });
await handle.migrate();
const { db } = handle;
const today = todayInStockholm();
const started = performance.now();
const bench = await fillFollowupBench(db, log, today);
const built = (performance.now() - started) / 1000;
const count = async (table: string) => {
	const res = await db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table} WHERE organizer_id = '${bench.organizerId}'`));
	return (res as unknown as { rows: { n: number }[] }).rows[0].n;
};
const actor = {
	personId: bench.ownerId,
	name: 'Bench',
	assignments: [
		{ organizerId: bench.organizerId, unitId: null, role: 'leadership' as const },
		{ organizerId: bench.organizerId, unitId: null, role: 'org_admin' as const }
	]
};
console.log(`followup: ${await databaseLabel(handle)}; data ready in ${built.toFixed(1)} s; load average ${loadavg()[0].toFixed(1)}`);
console.log(
	`data: ${await count('units')} units, ${await count('tickets')} cases, ${await count('ticket_events')} case events, ${await count('devices')} devices, ${await count('assessment_answers')} answers in ${bench.roundIds.length} rounds (scale ${VOLUME.cases} cases)`
);
let within = true;
// BENCH_ONLY=a|b: only the targets whose name contains one of them (to look at some parts).
const only = process.env.BENCH_ONLY?.split('|');
for (const target of TARGETS.filter((t) => !only || only.some((o) => t.name.includes(o)))) {
	const timed = await timeRuns(() => target.run({ ...bench, db, actor, today }), { runs: RUNS, warmup: WARMUP });
	const verdict =
		target.budgetMs === null
			? '(part; no budget of its own)'
			: timed.p95 < target.budgetMs
				? `budget p95 < ${target.budgetMs} ms: holds`
				: `budget p95 < ${target.budgetMs} ms: OVER`;
	if (target.budgetMs !== null) within &&= timed.p95 < target.budgetMs;
	console.log(`${target.name.padEnd(44)} ${timed.summary}   ${verdict}`);
}
console.log(`\nBudgets ${within ? 'hold' : 'do NOT hold'} over ${RUNS} runs (load average now ${loadavg()[0].toFixed(1)}).`);
await handle.close();
