import { sql } from 'drizzle-orm';
import { performance } from 'node:perf_hooks';
import type { DbHandle } from '../src/lib/server/db';
import { rowsOf } from '../src/lib/server/db/rows';

/** Times `run` RUNS times after `warmup` untimed runs (first runs pay for JIT and cold caches); nearest-rank percentiles. */
export async function timeRuns<T>(run: () => Promise<T>, opts: { runs: number; warmup: number }) {
	const times: number[] = [];
	let last: T | undefined;
	for (let i = 0; i < opts.warmup + opts.runs; i++) {
		const t = performance.now();
		last = await run();
		if (i >= opts.warmup) times.push(performance.now() - t);
	}
	times.sort((a, b) => a - b);
	const percentile = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)];
	const summary = `median ${percentile(50).toFixed(0)} ms, p95 ${percentile(95).toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)})`;
	return { median: percentile(50), p95: percentile(95), summary, last: last as T };
}

/** Which database the bench ran on, with its server version. */
export async function databaseLabel(handle: DbHandle) {
	const [{ server_version: version }] = rowsOf<{ server_version: string }>(await handle.db.execute(sql`SHOW server_version`));
	return handle.kind === 'postgres' ? `PostgreSQL ${version} (DATABASE_URL)` : `PGlite, PostgreSQL ${version} (in memory)`;
}
