// Covers: buildItemGroups, samsynShows.
/**
 * Property test for decision 014: for any sequence of submissions, nothing the consensus page, the unit
 * report or the organizer report's unit × perspective table (with each unit's pooled value, decision 028) publishes lets anyone compute one
 * respondent's answer: no shown group under the threshold (counting answers to the item, not responses),
 * no hidden group that the shown totals give away, and no change between two published moments that
 * one submission explains (everything waits for the close). Drives the real rule (samsynShows, buildItemGroups, suppressSubGoal) with a small
 * seeded generator: random units, perspectives, thresholds, items (some added mid-round), responses that
 * answer some, all or none of the items, and a close at a random point. Each run checks RUNS sequences;
 * a failure names the seed, so `ANONYMITY_SEED=<seed>` replays it.
 */
import { describe, expect, it } from 'vitest';
import { cellKey, TOTAL } from '../reports/suppress';
import { suppressSubGoal } from '../reports/suppress-round';
import { buildItemGroups } from './item-groups';
import { samsynShows } from './samsyn-visibility';

const RUNS = Number(process.env.ANONYMITY_RUNS ?? 1200);
const PERSPECTIVES = ['leadership', 'staff', 'students'];
const VALUES = [1, 2, 3, 4, 'dont_know', 'not_applicable'] as const;

/** mulberry32: a small, well-known seeded generator; enough for test data. */
function random(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
		pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]
	};
}

type Item = { key: string; perspectives: string[]; addedAt: number };
type Answer = { perspective: string; itemKey: string; level: number | null; special: string | null; comment: string | null };
type Response = { unit: string; perspective: string; answers: Answer[] };
type Scenario = { threshold: number; units: string[]; perspectives: string[]; items: Item[]; submissions: Response[]; closeAt: number };

/** One random round and the order its responses are submitted in. */
function generate(seed: number): Scenario {
	const r = random(seed);
	const threshold = r.int(2, 5);
	const units = Array.from({ length: r.int(1, 4) }, (_, i) => `u${i}`);
	const perspectives = PERSPECTIVES.slice(0, r.int(1, 3));
	const count = r.int(0, 30);
	const items: Item[] = Array.from({ length: r.int(1, 3) }, (_, i) => ({
		key: `i${i}`,
		perspectives: perspectives.filter(() => r.next() < 0.8),
		// An own item added mid-round: responses submitted before it could not answer it.
		addedAt: r.next() < 0.3 ? r.int(0, count) : 0
	}));
	// Bias towards few units and perspectives so small groups (and padding with empty responses) are common.
	const emptyRate = r.next() * 0.6;
	const submissions: Response[] = Array.from({ length: count }, (_, step) => {
		const unit = r.pick(units);
		const perspective = r.pick(perspectives);
		const empty = r.next() < emptyRate;
		const answers = empty
			? []
			: items
					.filter((it) => it.perspectives.includes(perspective) && step >= it.addedAt && r.next() < 0.75)
					.map((it) => {
						const v = r.pick(VALUES);
						return {
							perspective,
							itemKey: it.key,
							level: typeof v === 'number' ? v : null,
							special: typeof v === 'number' ? null : v,
							comment: r.next() < 0.3 ? `kommentar ${seed}-${step}-${it.key}` : null
						};
					});
		return { unit, perspective, answers };
	});
	return { threshold, units, perspectives, items, submissions, closeAt: r.int(0, count + 1) };
}

/** Submitted respondents per unit × perspective, and the report's "thin" rows (an item on 1…k−1 level answers). */
function reportInputs(s: Scenario, submitted: Response[]) {
	const respondents = new Map<string, { unitId: string; perspective: string; count: number }>();
	for (const x of submitted) {
		const key = `${x.unit}|${x.perspective}`;
		const row = respondents.get(key) ?? { unitId: x.unit, perspective: x.perspective, count: 0 };
		row.count++;
		respondents.set(key, row);
	}
	// Level answers per item in every cell and margin, as fetchGroupStats counts them.
	const levels = new Map<string, number>();
	for (const x of submitted) {
		for (const a of x.answers) {
			if (a.level === null) continue;
			for (const u of [x.unit, null])
				for (const p of [x.perspective, null]) levels.set(`${u}|${p}|${a.itemKey}`, (levels.get(`${u}|${p}|${a.itemKey}`) ?? 0) + 1);
		}
	}
	const thin = new Map<string, { unitId: string | null; perspective: string | null; thin: boolean }>();
	for (const [key, n] of levels) {
		if (n <= 0 || n >= s.threshold) continue;
		const [u, p] = key.split('|');
		const row = { unitId: u === 'null' ? null : u, perspective: p === 'null' ? null : p, thin: true };
		thin.set(`${u}|${p}`, row);
	}
	// Pooled values (decision 028): a unit's pool is thin when no item reaches k level answers in it.
	const thinPools = s.units.filter((u) => {
		const most = Math.max(0, ...s.items.map((i) => levels.get(`${u}|null|${i.key}`) ?? 0));
		return most > 0 && most < s.threshold;
	});
	return { respondents: [...respondents.values()], thinRows: [...thin.values()], thinPools };
}

/** Everything published for the round at one moment, by the real rules. */
function publish(s: Scenario, submitted: Response[], closed: boolean) {
	const { respondents, thinRows, thinPools } = reportInputs(s, submitted);
	const answering = s.perspectives.filter((p) => s.items.some((i) => i.perspectives.includes(p)));
	const suppression = suppressSubGoal({ respondents, perspectives: answering, thinRows, thinPools, threshold: s.threshold });
	const samsyn = s.units.map((unit) => {
		const answers = submitted.filter((x) => x.unit === unit).flatMap((x) => x.answers);
		return s.items.map((item) =>
			buildItemGroups(item, s.perspectives, answers, (p, answered) =>
				samsynShows({ published: closed, shownInReports: suppression.shown(unit, p), answered, threshold: s.threshold })
			)
		);
	});
	// The unit report: a perspective's figures once the round has closed and where the reports show the group.
	const unitReport = s.units.map((unit) =>
		answering.map((p) => (closed && suppression.shown(unit, p) ? suppression.count(unit, p) : null))
	);
	// The organizer report's table (and its exports): a cell or margin once the round has closed and where suppression shows it.
	const table = new Map<string, number | null>();
	for (const u of [...s.units, TOTAL]) {
		for (const p of [...answering, TOTAL]) table.set(cellKey(u, p), closed && suppression.shown(u, p) ? suppression.count(u, p) : null);
	}
	// The organizer report's default view: each unit's pooled value, with the level answers per item behind it.
	const pooled = s.units.map((unit) => {
		if (!closed || !suppression.shown(unit, TOTAL)) return null;
		const answers = submitted.filter((x) => x.unit === unit).flatMap((x) => x.answers);
		return Math.max(0, ...s.items.map((i) => answers.filter((a) => a.itemKey === i.key && a.level !== null).length));
	});
	return { samsyn, unitReport, table, suppression, answering, pooled };
}

/** Shown totals whose hidden part (total minus the shown cells on its line) is a group of 1…k−1 respondents. */
function thinRemainders(s: Scenario, view: ReturnType<typeof publish>): string[] {
	const found: string[] = [];
	const rows = [...s.units, TOTAL];
	const cols = [...view.answering, TOTAL];
	const check = (members: string[], total: string) => {
		if (view.table.get(total) === null) return;
		const rest = members.reduce(
			(sum, key) => sum + (view.table.get(key) === null ? view.suppression.count(...(key.split('\u0000') as [string, string])) : 0),
			0
		);
		if (rest > 0 && rest < s.threshold) found.push(`${total.replace('\u0000', '/')} leaves ${rest}`);
	};
	for (const r of rows)
		check(
			view.answering.map((c) => cellKey(r, c)),
			cellKey(r, TOTAL)
		);
	for (const c of cols)
		check(
			s.units.map((r) => cellKey(r, c)),
			cellKey(TOTAL, c)
		);
	return found;
}

/** Hidden cells with respondents whose count follows from the published sums (Gaussian elimination over the row and column equations). */
function derivable(s: Scenario, view: ReturnType<typeof publish>): string[] {
	const rows = [...s.units, TOTAL];
	const cols = [...view.answering, TOTAL];
	const unknowns = [...view.table.entries()]
		.filter(([key, v]) => v === null && view.suppression.count(...(key.split('\u0000') as [string, string])) > 0)
		.map(([k]) => k);
	const index = new Map(unknowns.map((k, i) => [k, i]));
	const equations: number[][] = [];
	const line = (members: string[], total: string) => {
		const eq = new Array(unknowns.length).fill(0);
		for (const m of members) if (index.has(m)) eq[index.get(m)!] += 1;
		if (index.has(total)) eq[index.get(total)!] -= 1;
		if (eq.some((v) => v !== 0)) equations.push(eq);
	};
	for (const r of rows)
		line(
			view.answering.map((c) => cellKey(r, c)),
			cellKey(r, TOTAL)
		);
	for (const c of cols)
		line(
			s.units.map((r) => cellKey(r, c)),
			cellKey(TOTAL, c)
		);
	const rank = (matrix: number[][]) => {
		const m = matrix.map((row) => [...row]);
		let r = 0;
		for (let c = 0; c < unknowns.length && r < m.length; c++) {
			const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c]) > 1e-9);
			if (pivot < 0) continue;
			[m[r], m[pivot]] = [m[pivot], m[r]];
			for (let i = 0; i < m.length; i++) {
				if (i === r || Math.abs(m[i][c]) < 1e-9) continue;
				const f = m[i][c] / m[r][c];
				for (let j = c; j < unknowns.length; j++) m[i][j] -= f * m[r][j];
			}
			r++;
		}
		return r;
	};
	const base = rank(equations);
	return unknowns.filter((_, i) => {
		const unit = new Array(unknowns.length).fill(0);
		unit[i] = 1;
		return rank([...equations, unit]) === base;
	});
}

/** What a watcher sees on samsyn, the unit report and the organizer report, as text: two equal texts mean nothing changed. */
const snapshot = (view: ReturnType<typeof publish>) =>
	JSON.stringify({ samsyn: view.samsyn, unitReport: view.unitReport, table: [...view.table.entries()] });

function check(seed: number) {
	const s = generate(seed);
	const states: string[] = [];
	const submitted: Response[] = [];
	const fail = (what: string) => expect.fail(`seed ${seed}: ${what}`);
	for (let step = 0; step <= s.submissions.length; step++) {
		const closed = step >= s.closeAt;
		// A closed round takes no more submissions.
		if (step > 0 && !closed) submitted.push(s.submissions[step - 1]);
		const view = publish(s, submitted, closed);
		states.push(snapshot(view));
		for (const [u, unitItems] of view.samsyn.entries()) {
			for (const [i, item] of unitItems.entries()) {
				for (const g of item.groups) {
					if (!closed && (g.shown || g.distribution || g.responses !== null)) fail(`a distribution is shown while the round is open`);
					if (!g.shown) continue;
					const answered = submitted.filter(
						(x) => x.unit === s.units[u] && x.perspective === g.perspective && x.answers.some((a) => a.itemKey === s.items[i].key)
					).length;
					if (answered > 0 && answered < s.threshold)
						fail(`${s.units[u]} ${g.perspective} ${s.items[i].key} shows ${answered} answers under k = ${s.threshold}`);
					if (!view.suppression.shown(s.units[u], g.perspective)) fail(`samsyn shows a group the reports hide`);
				}
				if (!closed && item.comments.length) fail('a comment is shown while the round is open');
			}
		}
		for (const [key, v] of view.table) {
			if (v === null) continue;
			if (!closed) fail(`the organizer report shows ${key} while the round is open`);
			if (v > 0 && v < s.threshold) fail(`the report shows ${key}, a group of ${v} under k = ${s.threshold}`);
		}
		if (!closed && view.unitReport.flat().some((v) => v !== null)) fail('the unit report shows figures while the round is open');
		const leaks = closed ? derivable(s, view) : [];
		if (leaks.length) fail(`hidden groups can be subtracted: ${leaks.join(', ')}`);
		const remainders = closed ? thinRemainders(s, view) : [];
		if (remainders.length) fail(`a shown total gives away a small group: ${remainders.join(', ')}`);
		for (const [u, most] of view.pooled.entries()) {
			if (most !== null && most > 0 && most < s.threshold)
				fail(`${s.units[u]}'s pooled value rests on ${most} level answers per item under k = ${s.threshold}`);
		}
		// Differencing: a watcher comparing two published states learns nothing unless they differ; only the close may change what is shown.
		if (step > 0 && states[step] !== states[step - 1] && !(closed && step === s.closeAt))
			fail(`what is shown changed at step ${step} by one submission`);
	}
}

describe('anonymity over any sequence of submissions (decision 014)', () => {
	it(`never lets anyone compute one respondent's answer, over ${RUNS} random rounds`, () => {
		const fixed = process.env.ANONYMITY_SEED;
		if (fixed) return check(Number(fixed));
		const start = Date.now() % 1_000_000;
		for (let run = 0; run < RUNS; run++) check(start + run * 7919);
	}, 120_000);

	it('pads nothing with empty submissions: four empty responses and one real answer show nothing', () => {
		const s: Scenario = {
			threshold: 5,
			units: ['u0', 'u1'],
			perspectives: ['staff'],
			items: [{ key: 'i0', perspectives: ['staff'], addedAt: 0 }],
			submissions: [],
			closeAt: 0
		};
		const real: Response = {
			unit: 'u0',
			perspective: 'staff',
			answers: [{ perspective: 'staff', itemKey: 'i0', level: 4, special: null, comment: 'bara jag' }]
		};
		const empty: Response = { unit: 'u0', perspective: 'staff', answers: [] };
		const others = Array.from({ length: 6 }, () => ({ ...real, unit: 'u1', answers: [{ ...real.answers[0], comment: null }] }));
		const view = publish(s, [real, empty, empty, empty, empty, ...others], true);
		expect(view.samsyn[0][0].groups[0]).toMatchObject({ shown: false, distribution: null });
		expect(view.samsyn[0][0].comments).toEqual([]);
	});
});
