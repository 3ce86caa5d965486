/**
 * Benchmark: the SS 12000 sync (issue 16, decision 051) from the mock server (tests/ss12000-mock-server.ts): a full
 * sync of 50 000 persons, 3 000 groups and 5 000 duties in 200 school units, then a delta of 500 changes (400 persons
 * changed, 50 deleted, 50 duties ended). Prints each time beside its budget (full < 60 s, delta < 5 s on PostgreSQL).
 * Runs against DATABASE_URL when set (PostgreSQL), otherwise in-memory PGlite.
 *
 *   npm run bench:ss12000
 *   bash scripts/test-postgres.sh -- npm run bench:ss12000
 *
 * BENCH_PERSONS, BENCH_DUTIES, BENCH_GROUPS, BENCH_LIMIT (page size, default 1000) change the sizes.
 */
import { eq, sql } from 'drizzle-orm';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/lib/server/db';
import { organizers, ss12000Configs, ss12000Links } from '../src/lib/server/db/schema';
import { createSs12000Client } from '../src/lib/server/integrations/ss12000/client';
import { DEFAULT_ROLE_MAP } from '../src/lib/server/integrations/ss12000/role-map';
import { runSs12000Sync } from '../src/lib/server/integrations/ss12000/run-ss12000-sync';
import { mockId, seedSs12000, startSs12000Mock } from '../tests/ss12000-mock-server';
import { databaseLabel } from './timing';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 50_000);
const DUTIES = Number(process.env.BENCH_DUTIES ?? 5_000);
const GROUPS = Number(process.env.BENCH_GROUPS ?? 3_000);
const LIMIT = Number(process.env.BENCH_LIMIT ?? 1_000);

const handle = await openDatabase({ url: process.env.DATABASE_URL, dataDir: 'memory://' });
await handle.migrate();
const { db } = handle;
const tag = `bench${Date.now().toString(36)}`;
const [organizer] = await db.insert(organizers).values({ slug: tag, name: 'Benchkommun', kind: 'kommun' }).returning();
const mock = await startSs12000Mock(seedSs12000({ persons: PERSONS, duties: DUTIES, groups: GROUPS, schoolUnits: 200, tag }));
// The secret is not needed: the bench hands the sync its own client (sealing needs the installation key).
await db
	.insert(ss12000Configs)
	.values({ organizerId: organizer.id, baseUrl: mock.url, roleMap: { ...DEFAULT_ROLE_MAP }, syncGroups: true });
const client = () =>
	createSs12000Client({ baseUrl: mock.url, auth: { kind: 'bearer', token: mock.token }, limit: LIMIT, timeoutMs: 30_000 });

console.log(`SS 12000 sync on ${await databaseLabel(handle)}; ${PERSONS} persons, ${GROUPS} groups, ${DUTIES} duties, pages of ${LIMIT}`);
const t0 = performance.now();
const full = await runSs12000Sync(db, { organizerId: organizer.id, client: client() });
const fullMs = performance.now() - t0;
if (full.status !== 'done') throw new Error(`full sync failed: ${full.failure}`);

// 500 changes: 400 persons renamed (every 100th also protected), 50 persons deleted, 50 duties ended.
for (let i = 1; i <= 400; i++)
	mock.modifyPerson(mockId('p', i * Math.floor(PERSONS / 401)), {
		givenName: `Ändrad${i}`,
		...(i % 100 === 0 ? { securityMarking: 'Sekretessmarkering' as const } : {})
	});
for (let i = 1; i <= 50; i++) mock.deletePerson(mockId('p', i * Math.floor(PERSONS / 51) + 1));
for (let i = 1; i <= 50; i++) mock.endDuty(mockId('d', i * Math.floor(DUTIES / 51)), '2025-06-30');
const t1 = performance.now();
const delta = await runSs12000Sync(db, { organizerId: organizer.id, client: client() });
const deltaMs = performance.now() - t1;
if (delta.status !== 'done') throw new Error(`delta failed: ${delta.failure}`);

const [{ n: links }] = await db
	.select({ n: sql<number>`count(*)` })
	.from(ss12000Links)
	.where(eq(ss12000Links.organizerId, organizer.id));
const verdict = (ms: number, budget: number) =>
	`${(ms / 1000).toFixed(1)} s (budget ${budget / 1000} s: ${ms < budget ? 'within' : 'OVER'})`;
console.log(`full sync:  ${verdict(fullMs, 60_000)}  counts ${JSON.stringify(full.counts)}, errors ${full.errorCount}, links ${links}`);
console.log(`delta:      ${verdict(deltaMs, 5_000)}  counts ${JSON.stringify(delta.counts)}, errors ${delta.errorCount}`);
console.log(
	`load average ${loadavg()
		.map((l) => l.toFixed(1))
		.join(' ')}`
);
await mock.close();
await handle.close();
