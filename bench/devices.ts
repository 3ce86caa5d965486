/**
 * Benchmark: devices (issue 17). A register of 200 000 devices over 200 school units and five models, with 500 000
 * returned repairs and 2 000 loss reports. Timed, as the issue asks:
 * - 300 hand-out scans (handOutDevice, the scan page's whole server work for one scan) from 3 scan stations at once,
 *   100 each, every scan a different student and device; per scan, median and p95. Budget: p95 < 150 ms.
 * - the cost per student-year report (findModelCosts, the page /<org>/utrustning/kostnader) over all of it.
 *   Budget: < 500 ms.
 * Runs against DATABASE_URL when set (PostgreSQL), otherwise in-memory PGlite (which runs one statement at a time,
 * so its "stations" queue behind each other).
 *
 *   npm run bench:devices
 *   bash scripts/test-postgres.sh -- npm run bench:devices
 */
import { sql } from 'drizzle-orm';
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { openDatabase } from '../src/lib/server/db';
import { rowsOf } from '../src/lib/server/db/rows';
import { deviceModels, memberships, organizers, people, roleAssignments } from '../src/lib/server/db/schema';
import { handOutDevice } from '../src/lib/server/devices/hand-out-device';
import { findModelCosts } from '../src/lib/server/devices/find-model-costs';
import { swedishSortKey } from '../src/lib/sort-key';
import { databaseLabel, timeRuns } from './timing';

const UNITS = Number(process.env.BENCH_UNITS ?? 200);
const DEVICES = Number(process.env.BENCH_DEVICES ?? 200_000);
const REPAIRS = Number(process.env.BENCH_REPAIRS ?? 500_000);
const STATIONS = 3;
const SCANS_PER_STATION = 100;

const handle = await openDatabase({ url: process.env.DATABASE_URL, dataDir: 'memory://' });
await handle.migrate();
const { db } = handle;
const started = performance.now();
const run = Date.now().toString(36);
const [organizer] = await db
	.insert(organizers)
	.values({ slug: `bench-enheter-${run}`, name: 'Bench enheter', kind: 'kommun' })
	.returning();
const org = organizer.id;
const [owner] = await db
	.insert(people)
	.values({ name: 'Bench Tekniker', nameSort: swedishSortKey('Bench Tekniker'), email: `bench-tek-${run}@example.se` })
	.returning();
await db.insert(memberships).values({ personId: owner.id, organizerId: org });
await db.insert(roleAssignments).values({ personId: owner.id, organizerId: org, unitId: null, role: 'central_technical_support' });
const actor = {
	personId: owner.id,
	name: 'Bench',
	assignments: [{ organizerId: org, unitId: null, role: 'central_technical_support' as const }]
};
// Five models.
await db.insert(deviceModels).values(
	[
		['Kvist', 'Billig 11', 2990, 36],
		['Nord', 'Skol 14', 7490, 48],
		['Nord', 'Platta 10', 4490, 48],
		['Fjäll', 'Elev 13', 5990, 48],
		['Fjäll', 'Pro 14', 11990, 60]
	].map(([maker, model, price, life]) => ({
		organizerId: org,
		maker: maker as string,
		model: model as string,
		type: 'elevdator',
		purchasePrice: price as number,
		expectedLifeMonths: life as number,
		warrantyMonths: 24
	}))
);
// Units, devices, repairs and losses generated in the database: one INSERT … SELECT each.
await db.execute(sql`
	INSERT INTO units (organizer_id, name, name_sort, kind)
	SELECT ${org}, 'Skola ' || lpad(g::text, 3, '0'), 'skola ' || lpad(g::text, 3, '0'), 'skolenhet'
	FROM generate_series(1, ${UNITS}) g`);
await db.execute(sql`
	INSERT INTO devices (organizer_id, model_id, unit_id, asset_tag, serial_number, status, purchase_date, created_at, updated_at)
	SELECT ${org}, m.id, u.id, 'D' || g, 'SN' || g,
		CASE WHEN g <= 1000 THEN 'in_stock' WHEN g % 100 = 0 THEN 'scrapped' WHEN g % 250 = 1 THEN 'lost' ELSE 'in_stock' END,
		DATE '2022-08-01' + (g % 1100), now() - interval '1 day' * (g % 900), now() - interval '1 day' * (g % 300)
	FROM generate_series(1, ${DEVICES}) g
	JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM units WHERE organizer_id = ${org}) u ON u.k = g % ${UNITS}
	JOIN (SELECT id, row_number() OVER (ORDER BY model) - 1 AS k FROM device_models WHERE organizer_id = ${org}) m ON m.k = (g / 7) % 5`);
await db.execute(sql`
	INSERT INTO device_repairs (organizer_id, device_id, sent_at, returned_at, cost)
	SELECT ${org}, d.id, d.purchase_date + interval '1 day' * (20 + r * 90 + (d.n % 60)),
		d.purchase_date + interval '1 day' * (30 + r * 90 + (d.n % 60)), 300 + (d.n % 7) * 150 + r * 40
	FROM (SELECT id, purchase_date, row_number() OVER (ORDER BY id) AS n FROM devices WHERE organizer_id = ${org}) d
	CROSS JOIN generate_series(0, 4) r
	WHERE (d.n * 5 + r) % 10 < ${Math.round((REPAIRS / DEVICES) * 2)}`);
await db.execute(sql`
	INSERT INTO device_events (organizer_id, device_id, kind, from_status, to_status, note)
	SELECT ${org}, id, 'status_changed', 'in_stock', status, 'Borttappad'
	FROM devices WHERE organizer_id = ${org} AND status = 'lost'`);
// 300 students, each at the unit of the device they will get (D1 … D300).
const students = Array.from({ length: STATIONS * SCANS_PER_STATION }, (_, i) => i + 1);
const rows = await db
	.insert(people)
	.values(students.map((i) => ({ name: `Elev ${i}`, nameSort: swedishSortKey(`Elev ${i}`), email: `bench-elev-${run}-${i}@example.se` })))
	.returning({ id: people.id, email: people.email });
await db.insert(memberships).values(rows.map((p) => ({ personId: p.id, organizerId: org })));
await db.execute(sql`
	INSERT INTO role_assignments (person_id, organizer_id, unit_id, role)
	SELECT p.id, ${org}, d.unit_id, 'student'
	FROM people p JOIN devices d ON d.organizer_id = ${org} AND d.asset_tag = 'D' || split_part(split_part(p.email, '@', 1), '-', 4)
	WHERE p.email LIKE ${`bench-elev-${run}-%`}`);
await db.execute(sql`ANALYZE`);
const built = performance.now() - started;
const [{ devices: deviceCount, repairs: repairCount }] = rowsOf<{ devices: number; repairs: number }>(
	await db.execute(sql`SELECT (SELECT count(*)::int FROM devices WHERE organizer_id = ${org}) AS devices,
		(SELECT count(*)::int FROM device_repairs WHERE organizer_id = ${org}) AS repairs`)
);

// The scans: three stations at once, each its own 100 students and devices.
const times: number[] = [];
let refused = 0;
const load = loadavg()[0];
await Promise.all(
	Array.from({ length: STATIONS }, async (_, s) => {
		for (let k = 0; k < SCANS_PER_STATION; k++) {
			const i = s * SCANS_PER_STATION + k + 1;
			const t = performance.now();
			try {
				await handOutDevice(db, { actor, organizerId: org, input: { person: `bench-elev-${run}-${i}@example.se`, tag: `D${i}` } });
			} catch {
				refused++;
			}
			times.push(performance.now() - t);
		}
	})
);
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)];

const tco = await timeRuns(() => findModelCosts(db, { actor, organizerId: org }), { runs: 5, warmup: 1 });

console.log(`devices: ${deviceCount} devices at ${UNITS} units, five models, ${repairCount} repairs`);
console.log(`database: ${await databaseLabel(handle)}; data built in ${(built / 1000).toFixed(1)} s; load ${load.toFixed(1)}`);
console.log(
	`hand-out scans: ${times.length} from ${STATIONS} stations at once (${refused} refused): median ${pct(50).toFixed(0)} ms, p95 ${pct(95).toFixed(0)} ms (max ${times.at(-1)!.toFixed(0)}); budget p95 < 150 ms`
);
console.log(`cost per student-year (findModelCosts) over 5 runs (after 1 warm-up): ${tco.summary}; budget < 500 ms`);
console.log(
	`check: ${tco.last.map((m) => `${m.name} ${m.cost?.perStudentYear ?? '–'} kr (repairs ${m.cost?.repairsPerYear ?? '–'})`).join('; ')}`
);
await handle.close();
