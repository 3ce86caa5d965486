/**
 * Benchmark: coverage of the students' progression plan (issue 19, decision 053) per unit × year group × aspect,
 * over 300 units with 20 classes each (6 000 classes, every year group somewhere) and two school years of markings
 * (each class touches about 60 % of its year’s steps, once or twice, each year; about 62 000 markings). Timed: the
 * organizer's side-by-side comparison of all units (compareUnitCoverage, the page /<org>/kompetens/tackning), and one
 * unit's page (getUnitCoverage). Runs against DATABASE_URL when set (PostgreSQL), otherwise in-memory PGlite.
 *
 *   npm run bench:competence
 *   bash scripts/test-postgres.sh -- npm run bench:competence
 */
import { sql } from 'drizzle-orm';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/lib/server/db';
import { rowsOf } from '../src/lib/server/db/rows';
import { memberships, organizers, people } from '../src/lib/server/db/schema';
import { adoptStarterPlan } from '../src/lib/server/competence/adopt-starter-plan';
import { compareUnitCoverage } from '../src/lib/server/competence/compare-unit-coverage';
import { getUnitCoverage } from '../src/lib/server/competence/get-unit-coverage';
import { STAGES } from '../src/lib/server/competence/competence-rules';
import { todayInStockholm } from '../src/lib/server/auth/load-actor';
import { schoolYearOf } from '../src/lib/server/support/followup/school-years';
import { swedishSortKey } from '../src/lib/sort-key';
import { databaseLabel, timeRuns } from './timing';

const UNITS = 300;
const CLASSES_PER_UNIT = 20;
const RUNS = 21;
const WARMUP = 3;

const handle = await openDatabase({ url: process.env.DATABASE_URL, dataDir: 'memory://' });
await handle.migrate();
const { db } = handle;
const started = performance.now();
const run = Date.now().toString(36);
const [organizer] = await db
	.insert(organizers)
	.values({ slug: `bench-kompetens-${run}`, name: 'Bench kompetens', kind: 'kommun' })
	.returning();
const [owner] = await db
	.insert(people)
	.values({ name: 'Bench Ägare', nameSort: swedishSortKey('Bench Ägare'), email: `bench-${run}@example.se` })
	.returning();
await db.insert(memberships).values({ personId: owner.id, organizerId: organizer.id });
const actor = { personId: owner.id, name: 'Bench', assignments: [{ organizerId: organizer.id, unitId: null, role: 'org_admin' as const }] };
const plan = await adoptStarterPlan(db, { actor, organizerId: organizer.id });
const year = schoolYearOf(todayInStockholm());
const lastStart = `${Number(year.from.slice(0, 4)) - 1}-08-20`;
// Units, classes and markings generated in the database: one INSERT … SELECT each.
await db.execute(sql`
	INSERT INTO units (organizer_id, name, name_sort, kind)
	SELECT ${organizer.id}, 'Skola ' || lpad(g::text, 3, '0'), 'skola ' || lpad(g::text, 3, '0'), 'skolenhet'
	FROM generate_series(1, ${UNITS}) g`);
await db.execute(sql`
	INSERT INTO competence_classes (organizer_id, unit_id, stage, name)
	SELECT ${organizer.id}, u.id, (${JSON.stringify(STAGES)}::jsonb ->> ((row_number() OVER (ORDER BY u.id) + g) % ${STAGES.length})::int), 'K' || g
	FROM units u CROSS JOIN generate_series(1, ${CLASSES_PER_UNIT}) g
	WHERE u.organizer_id = ${organizer.id}`);
await db.execute(sql`
	INSERT INTO competence_markings (organizer_id, plan_id, step_id, class_id, unit_id, stage, worked_on, note, marked_by)
	SELECT ${organizer.id}, s.plan_id, s.id, c.id, c.unit_id, c.stage,
		${lastStart}::date + y * 365 + (abs(hashtext(c.id::text || s.id::text || y || k)) % 290), 'Övning', ${owner.id}
	FROM competence_classes c
	JOIN competence_steps s ON s.plan_id = ${plan.id} AND s.stage = c.stage
	CROSS JOIN generate_series(0, 1) y CROSS JOIN generate_series(1, 2) k
	WHERE c.organizer_id = ${organizer.id}
		AND abs(hashtext(c.id::text || s.id::text || y::text)) % 10 < 6
		AND (k = 1 OR abs(hashtext(s.id::text || c.id::text || k::text)) % 2 = 0)`);
await db.execute(sql`ANALYZE`);
const built = performance.now() - started;
const [{ n: markings }] = rowsOf<{ n: number }>(
	await db.execute(sql`SELECT count(*)::int AS n FROM competence_markings WHERE organizer_id = ${organizer.id}`)
);

const compare = await timeRuns(() => compareUnitCoverage(db, { actor, organizerId: organizer.id, year }), { runs: RUNS, warmup: WARMUP });
const units = compare.last;
const one = await timeRuns(() => getUnitCoverage(db, { actor, organizerId: organizer.id, unitId: units[0].unitId, year }), {
	runs: RUNS,
	warmup: WARMUP
});
console.log(
	`competence: coverage per unit × year group × aspect, ${UNITS} units × ${CLASSES_PER_UNIT} classes (${UNITS * CLASSES_PER_UNIT}), ${markings} markings over two school years`
);
console.log(`database: ${await databaseLabel(handle)}; data built in ${(built / 1000).toFixed(1)} s`);
console.log(
	`compareUnitCoverage (all units side by side) over ${RUNS} runs (after ${WARMUP} warm-up): ${compare.summary}; budget p95 < 300 ms`
);
console.log(`getUnitCoverage (one unit's page) over ${RUNS} runs: ${one.summary}; budget p95 < 300 ms`);
const cells = one.last.coverage?.cells ?? [];
console.log(
	`check: ${units.length} units compared, lowest total ${((units[0].total ?? 0) * 100).toFixed(0)} %, highest ${((units.at(-1)!.total ?? 0) * 100).toFixed(0)} %; one unit: ${cells.length} cells, ${cells.reduce((n, c) => n + c.untouched.length, 0)} untouched steps`
);
await handle.close();
