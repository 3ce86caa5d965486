/**
 * Benchmark: the organizer report of a round with 300 units × 60 items × 30 respondents per unit
 * (540 000 answers). Runs against DATABASE_URL when set (PostgreSQL), otherwise in-memory PGlite.
 *
 *   npm run bench:assessment-rollup
 *   bash scripts/test-postgres.sh -- npm run bench:assessment-rollup
 */
import { sql } from 'drizzle-orm';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/lib/server/db';
import { assessmentCustomItems, assessmentRoundUnits, assessmentRounds, organizers, units } from '../src/lib/server/db/schema';
import { computeOrganizerReport } from '../src/lib/server/assessment/reports/compute-organizer-report';
import { rebuildItemStats } from '../src/lib/server/assessment/reports/item-stats';
import { getFramework } from '../src/lib/server/assessment/framework/get-framework';
import { swedishSortKey } from '../src/lib/sort-key';

const UNITS = 300;
const ITEMS = 60;
const RESPONDENTS = 30;
/** Timed runs after WARMUP untimed ones (first runs pay for JIT and cold caches). */
const RUNS = 21;
const WARMUP = 3;
/** Per unit: 2 leaders (always suppressed), 10 staff, 15 students, 3 key people (suppressed). */
const MIX = [...Array(2).fill('leadership'), ...Array(10).fill('staff'), ...Array(15).fill('students'), ...Array(3).fill('key_people')];

const handle = await openDatabase({ url: process.env.DATABASE_URL, dataDir: 'memory://' });
await handle.migrate();
const { db } = handle;
const started = performance.now();

const [organizer] = await db.insert(organizers).values({ slug: `bench-${Date.now()}`, name: 'Benchkommun', kind: 'kommun' }).returning();
const unitRows = await db
	.insert(units)
	.values(Array.from({ length: UNITS }, (_, i) => ({ organizerId: organizer.id, name: `Skola ${i + 1}`, nameSort: swedishSortKey(`Skola ${i + 1}`), kind: 'skolenhet' })))
	.returning({ id: units.id });
const [round] = await db
	.insert(assessmentRounds)
	.values({
		organizerId: organizer.id,
		name: 'Bench',
		frameworkKey: 'nationella-strategin',
		frameworkVersion: '2026.1',
		perspectives: ['leadership', 'staff', 'students', 'key_people'],
		opensOn: '2026-01-01',
		closesOn: '2026-12-31',
		// Closed: the report shows answer figures only once a round has closed (decision 014).
		closedAt: new Date()
	})
	.returning();
await db.insert(assessmentRoundUnits).values(unitRows.map((u) => ({ roundId: round.id, unitId: u.id, organizerId: organizer.id })));

const framework = await getFramework('nationella-strategin', '2026.1');
const frameworkItems = framework.areas.flatMap((a) => a.sub_goals.flatMap((s) => s.items.map((i) => ({ item: i, subGoalId: s.id }))));
const extra = ITEMS - frameworkItems.length;
if (extra > 0) {
	await db.insert(assessmentCustomItems).values(
		Array.from({ length: extra }, (_, i) => {
			const base = frameworkItems[i % frameworkItems.length];
			return { organizerId: organizer.id, roundId: round.id, key: `egen.bench-${i + 1}`, subGoalId: base.subGoalId, content: { ...base.item, key: undefined } };
		})
	);
}
const itemKeys = [...frameworkItems.map((f) => f.item.key), ...Array.from({ length: Math.max(0, extra) }, (_, i) => `egen.bench-${i + 1}`)].slice(0, ITEMS);

// Responses and answers are generated in the database: one multi-row INSERT … SELECT each.
const perspectives = JSON.stringify(MIX);
await db.execute(sql`
	INSERT INTO assessment_responses (organizer_id, round_id, unit_id, perspective, resume_token_hash, submitted_at)
	SELECT ${organizer.id}, ${round.id}, ru.unit_id, (${perspectives}::jsonb ->> (g - 1)), md5(ru.unit_id::text || g), now()
	FROM assessment_round_units ru CROSS JOIN generate_series(1, ${RESPONDENTS}) g
	WHERE ru.round_id = ${round.id}`);
await db.execute(sql`
	INSERT INTO assessment_answers (response_id, organizer_id, item_key, level, special, comment)
	SELECT r.id, ${organizer.id}, k.key,
		CASE WHEN h % 10 = 0 THEN NULL ELSE 1 + (h % 4) END,
		CASE WHEN h % 10 = 0 THEN 'dont_know' END,
		CASE WHEN h % 97 = 0 THEN 'En kommentar' END
	FROM assessment_responses r
	CROSS JOIN jsonb_array_elements_text(${JSON.stringify(itemKeys)}::jsonb) AS k(key)
	CROSS JOIN LATERAL (SELECT abs(hashtext(r.id::text || k.key)) AS h) x
	WHERE r.round_id = ${round.id}`);
// Submissions keep running sums per item; a bulk load builds them once.
await rebuildItemStats(db, round.id);
await db.execute(sql`ANALYZE`);
const built = performance.now() - started;

const actor = { personId: '00000000-0000-0000-0000-000000000000', name: 'Bench', assignments: [{ organizerId: organizer.id, unitId: null, role: 'org_admin' as const }] };
const times: number[] = [];
let report;
for (let i = 0; i < WARMUP + RUNS; i++) {
	const t = performance.now();
	report = await computeOrganizerReport(db, { actor, organizerId: organizer.id, roundId: round.id });
	if (i >= WARMUP) times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
/** Nearest-rank percentile of the sorted times. */
const percentile = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)];
const median = percentile(50);
const p95 = percentile(95);
const [{ server_version: version }] = (await db.execute(sql`SHOW server_version`)).rows as { server_version: string }[];
const database = handle.kind === 'postgres' ? `PostgreSQL ${version} (DATABASE_URL)` : `PGlite, PostgreSQL ${version} (in memory)`;
console.log(`assessment-rollup: ${UNITS} units × ${itemKeys.length} items × ${RESPONDENTS} respondents (${UNITS * itemKeys.length * RESPONDENTS} answers)`);
console.log(`database: ${database}; data built in ${(built / 1000).toFixed(1)} s`);
console.log(
	`computeOrganizerReport over ${RUNS} runs (after ${WARMUP} warm-up): median ${median.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)}); budget < 300 ms`
);
console.log(`check: ${report!.units.length} units, ${report!.subGoals.length} sub-goals, organizer students in sub-goal ${report!.subGoals[0].id}: mean ${report!.figures[report!.subGoals[0].id]['__total__'].students.mean?.toFixed(2)}`);
await handle.close();
