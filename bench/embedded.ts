/**
 * Benchmark: how far the embedded database (PGlite, in memory) carries the support queue. Fills
 * BENCH_ORGS organizers × 20 000 cases (default 5: 100 000 cases; 50 gives 1 000 000) with the same
 * set-based fill as bench:tickets, then times, one query at a time, what a handler's pages ask:
 * the first page of the queue, a full-text search and the cases counted by state. Prints median and p95.
 *
 *   npm run bench:embedded                  # 100 000 cases
 *   BENCH_ORGS=50 npm run bench:embedded    # 1 000 000 cases (≈ 6 GB of memory, a long fill)
 */
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { and, eq, sql } from 'drizzle-orm';
import { openDatabase } from '../src/lib/server/db';
import { tickets } from '../src/lib/server/db/schema';
import { loadActor } from '../src/lib/server/auth/load-actor';
import { findQueue } from '../src/lib/server/support/queues/find-queue';
import { fillBench } from './tickets/fill';
import { databaseLabel, timeRuns } from './timing';

const ORGS = Number(process.env.BENCH_ORGS ?? 5);
const RUNS = { runs: 21, warmup: 3 };
const log = (s: string) => console.log(`[${(performance.now() / 1000).toFixed(1)} s] ${s}`);
const rows = <T>(res: unknown) => (res as { rows: T[] }).rows;

const handle = await openDatabase({ dataDir: 'memory://' });
await handle.migrate();
const { db } = handle;
log(`${await fillBench(db, log, ORGS)} cases in ${await databaseLabel(handle)}`);

// A central technical support person of the first organizer sees all of its technical cases.
const [org] = rows<{ id: string }>(await db.execute(sql`SELECT id FROM organizers WHERE slug = 'bench-01'`));
const [person] = rows<{ id: string }>(
	await db.execute(
		sql`INSERT INTO people (name, name_sort, email) VALUES ('Cilla Central', 'cilla central', 'central@bench-01.bench') RETURNING id`
	)
);
await db.execute(sql`INSERT INTO memberships (organizer_id, person_id) VALUES (${org.id}, ${person.id})`);
await db.execute(
	sql`INSERT INTO role_assignments (person_id, organizer_id, role) VALUES (${person.id}, ${org.id}, 'central_technical_support')`
);
const actor = (await loadActor(db, person.id))!;
const base = { actor, organizerId: org.id, view: 'all' as const };

const results = [
	['queue, first page (newest)', await timeRuns(() => findQueue(db, { ...base, limit: 50 }), RUNS)],
	['search "skrivaren"', await timeRuns(() => findQueue(db, { ...base, filters: { q: 'skrivaren' }, limit: 50 }), RUNS)],
	[
		'cases by state (one organizer)',
		await timeRuns(
			() =>
				db
					.select({ state: tickets.state, n: sql<number>`count(*)` })
					.from(tickets)
					.where(and(eq(tickets.organizerId, org.id)))
					.groupBy(tickets.state),
			RUNS
		)
	],
	[
		'cases by state (whole installation)',
		await timeRuns(
			() =>
				db
					.select({ state: tickets.state, n: sql<number>`count(*)` })
					.from(tickets)
					.groupBy(tickets.state),
			RUNS
		)
	]
] as const;
console.log(`\nPGlite in memory, ${ORGS * 20_000} cases, load average ${loadavg()[0].toFixed(1)}; one query at a time:`);
for (const [label, r] of results) console.log(`  ${label.padEnd(38)} ${r.summary}`);
await handle.close();
