/**
 * One lookup at a time on a filled bench:search database (decision 070): how long each of the four lookups takes
 * alone (the server's time, without the queue that 20 in flight make), and what matching on the rare alternatives
 * only changes in the results: for every question of the bench's set, the best five with and without it.
 *
 *   DATABASE_URL=… npm run -s messages && npx tsx --tsconfig bench/tsconfig.json bench/search/probe.ts
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/lib/server/db';
import { rowsOf } from '../../src/lib/server/db/rows';
import { loadActor } from '../../src/lib/server/auth/load-actor';
import { prepareSearch, type PrepareSearchOptions } from '../../src/lib/server/search/prepare-search';
import { PRUNING } from '../../src/lib/server/search/match-groups';
import { findArticles } from '../../src/lib/server/knowledge/articles/find-articles';
import { findQuestions } from '../../src/lib/server/knowledge/questions/find-questions';
import { suggestForFiling } from '../../src/lib/server/knowledge/suggestions/suggest-for-filing';
import { findQueue } from '../../src/lib/server/support/queues/find-queue';
import { questionSet } from './questions';
import { at, load, machineCheck } from './measure';

const handle = await openDatabase({ url: process.env.DATABASE_URL, dataDir: '', poolSize: 2 });
await handle.migrate();
const { db } = handle;
const [org] = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM organizers WHERE slug = 'bench-01'`));
const Q = questionSet();
const every = Number(process.env.PROBE_EVERY ?? 1);
const sample = (list: string[]) => list.filter((_, i) => i % every === 0);

/** The best ten ids for a search, how long the search took, and how many documents it matched (all ranked). */
async function top(opts: PrepareSearchOptions) {
	const t0 = performance.now();
	const s = await prepareSearch(db, opts);
	if (!s) return { ids: [] as string[], ms: performance.now() - t0, matched: 0 };
	const ids = rowsOf<{ id: string }>(
		await db.execute(sql`SELECT source_id AS id FROM search_documents WHERE ${s.where} ORDER BY ${s.rank} DESC, source_id LIMIT 10`)
	).map((r) => r.id);
	const ms = performance.now() - t0;
	const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM search_documents WHERE ${s.where}`));
	return { ids, ms, matched: Number(n) };
}

const sets: [string, string[], Omit<PrepareSearchOptions, 'query'>][] = [
	['articles', sample(Q.knowledge), { organizerIds: [org.id], kinds: ['article'] }],
	['filing (prefix)', sample(Q.filing), { organizerIds: [org.id], kinds: ['article'], prefixLast: true }],
	['questions', sample(Q.knowledge), { organizerIds: [org.id], kinds: ['question'] }],
	['cases', sample(Q.queue), { organizerIds: [org.id], kinds: ['ticket'], prefixLast: true, minimumMatch: 0.5 }]
];
const all = { ...PRUNING, from: Infinity };
// PROBE_SHARES=0.05,0.1x2 compares thresholds for "common": a share, and after x a `relative` (PRUNING's by default).
const shares = (process.env.PROBE_SHARES ?? `${PRUNING.commonShare}x${PRUNING.relative}`).split(',').map((c) => {
	const [commonShare, relative] = c.split('x').map(Number);
	return { commonShare, relative: relative || 0 };
});
console.log(`load ${load()}; ${machineCheck()}`);
for (const [name, questions, opts] of sets)
	for (const { commonShare, relative } of shares) {
		let same5 = 0;
		let kept = 0;
		let firstSame = 0;
		const pruned: number[] = [];
		const whole: number[] = [];
		const matched: number[] = [];
		const matchedAll: number[] = [];
		for (const query of questions) {
			const a = await top({ ...opts, query, pruning: { ...PRUNING, commonShare, relative } });
			const b = await top({ ...opts, query, pruning: all });
			pruned.push(a.ms);
			whole.push(b.ms);
			matched.push(a.matched);
			matchedAll.push(b.matched);
			const five = b.ids.slice(0, 5);
			kept += five.length ? five.filter((id) => a.ids.slice(0, 5).includes(id)).length / five.length : 1;
			if (five.join() === a.ids.slice(0, 5).join()) same5++;
			if (a.ids[0] === b.ids[0]) firstSame++;
		}
		const n = questions.length;
		const ms = (l: number[]) =>
			`median ${at(
				l.sort((x, y) => x - y),
				0.5
			).toFixed(1)} / p95 ${at(l, 0.95).toFixed(1)} ms`;
		console.log(
			`${name.padEnd(16)} common > ${commonShare} (× ${relative}): ${n} questions: rare-only ${ms(pruned)}, every alternative ${ms(whole)}; ` +
				`documents matched (and ranked) median ${at(
					matched.sort((x, y) => x - y),
					0.5
				)} / p90 ${at(matched, 0.9)}, ` +
				`every alternative ${at(
					matchedAll.sort((x, y) => x - y),
					0.5
				)} / p90 ${at(matchedAll, 0.9)}; ` +
				`the same first ${((100 * firstSame) / n).toFixed(0)} %, the same five in order ${((100 * same5) / n).toFixed(0)} %, ` +
				`of the five ${((100 * kept) / n).toFixed(1)} % kept`
		);
	}

// The four lookups whole, one at a time (what bench:search runs 20 at a time).
const [teacher] = rowsOf<{ id: string }>(
	await db.execute(
		sql`SELECT person_id AS id FROM role_assignments WHERE organizer_id = ${org.id} AND role = 'staff' ORDER BY person_id LIMIT 1`
	)
);
// Central technical support, as bench:search adds one (once: later probes find it).
const [central] = rowsOf<{ id: string }>(
	await db.execute(sql`
		WITH known AS (SELECT person_id AS id FROM role_assignments WHERE organizer_id = ${org.id} AND role = 'central_technical_support' LIMIT 1),
		p AS (INSERT INTO people (name, name_sort, email)
			SELECT 'Cilla Central', 'cilla central', ${`central-${Date.now()}@bench-01.bench`} WHERE NOT EXISTS (SELECT 1 FROM known) RETURNING id),
		m AS (INSERT INTO memberships (organizer_id, person_id) SELECT ${org.id}, id FROM p),
		r AS (INSERT INTO role_assignments (person_id, organizer_id, role) SELECT id, ${org.id}, 'central_technical_support' FROM p)
		SELECT id FROM known UNION ALL SELECT id FROM p`)
);
const staff = (await loadActor(db, teacher.id))!;
const support = (await loadActor(db, central.id))!;
const lookups: [string, (q: string) => Promise<unknown>, string[]][] = [
	['(a) filing', (q) => suggestForFiling(db, { actor: staff, organizerId: org.id, chain: 'technical', text: q }), sample(Q.filing)],
	['(b) articles', (q) => findArticles(db, { actor: staff, organizerId: org.id, query: q }), sample(Q.knowledge)],
	['(c) questions', (q) => findQuestions(db, { actor: staff, organizerId: org.id, query: q }), sample(Q.knowledge)],
	['(d) queue', (q) => findQueue(db, { actor: support, organizerId: org.id, view: 'all', filters: { q } }), sample(Q.queue)]
];
for (const [name, run, questions] of process.env.PROBE_LOOKUPS === '0' ? [] : lookups) {
	const times: number[] = [];
	// Node's own CPU (analysis, SQL building, the driver, snippets): with 20 in flight one process serves them all.
	const cpu0 = process.cpuUsage();
	for (const q of questions) {
		const t0 = performance.now();
		await run(q);
		times.push(performance.now() - t0);
	}
	const cpu = process.cpuUsage(cpu0);
	const cpuMs = (cpu.user + cpu.system) / 1000 / times.length;
	times.sort((x, y) => x - y);
	console.log(
		`${name.padEnd(14)} one at a time, ${times.length}: median ${at(times, 0.5).toFixed(1)} / p95 ${at(times, 0.95).toFixed(1)} ms; ` +
			`Node CPU ${cpuMs.toFixed(1)} ms a lookup`
	);
}
console.log(`load ${load()}; ${machineCheck()}`);
await handle.close();
process.exit(0);
