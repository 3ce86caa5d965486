// Covers: buildSurveyResults, suppressSurvey.
/**
 * Property test for survey results (decision 059), the sibling of the self-assessment's anonymity property test
 * (consensus/anonymity.property.spec.ts, decision 014), with the same seeded mulberry32 generator: random organizers
 * (1–6 units, k 2–5), responses spread over 1–4 periods (a pulse's months, or one round), some with free text. For
 * the published results it checks that no shown group (a unit in a period, or a period's total over all units) has
 * 1…k−1 respondents; that no hidden group follows from the shown figures (Gaussian elimination over each period's
 * sum); that the hidden part of a shown total is empty or at least k; that free text appears only for shown unit
 * groups; and that publishing a later period changes nothing already published for an earlier one (no difference
 * between two published moments reveals a suppressed group). `SURVEY_ANONYMITY_SEED=<seed>` replays a failure.
 */
import { describe, expect, it } from 'vitest';
import type { SurveyQuestion } from '../../db/schema';
import { buildSurveyResults, type ResultResponse } from './build-survey-results';
import { TOTAL } from './suppress-survey';

const RUNS = Number(process.env.SURVEY_ANONYMITY_RUNS ?? 1500);

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

const QUESTIONS: SurveyQuestion[] = [
	{ key: 's', kind: 'scale', sv: 's', en: 's', min: 1, max: 5, minLabel: { sv: '', en: '' }, maxLabel: { sv: '', en: '' } },
	{
		key: 'c',
		kind: 'choice',
		sv: 'c',
		en: 'c',
		options: [
			{ key: 'a', sv: 'a', en: 'a' },
			{ key: 'b', sv: 'b', en: 'b' }
		]
	},
	{ key: 't', kind: 'text', sv: 't', en: 't' }
];

function generate(seed: number) {
	const r = random(seed);
	const threshold = r.int(2, 5);
	const units = Array.from({ length: r.int(1, 6) }, (_, i) => `u${i}`);
	const periods = Array.from({ length: r.int(1, 4) }, (_, i) => `2026-0${i + 1}`);
	// Bias towards small groups: a few units get most answers.
	const weights = units.map(() => r.next() ** 2);
	const pickUnit = () => {
		let x = r.next() * weights.reduce((s, w) => s + w, 0);
		for (const [i, w] of weights.entries()) if ((x -= w) <= 0) return units[i];
		return units[units.length - 1];
	};
	const responses: ResultResponse[] = Array.from({ length: r.int(0, 40) }, (_, i) => ({
		unitId: pickUnit(),
		period: r.pick(periods),
		answers: [
			{ questionKey: 's', value: r.int(1, 5), choice: null, text: null },
			{ questionKey: 'c', value: null, choice: r.pick(['a', 'b']), text: null },
			...(r.next() < 0.4 ? [{ questionKey: 't', value: null, choice: null, text: `svar ${seed}-${i}` }] : [])
		]
	}));
	return { threshold, units, periods, responses };
}

/** The hidden unit groups of one period whose size follows from the shown figures (the period's one sum). */
function derivable(counts: Map<string, number>, shown: (u: string) => number | null, units: string[], total: number | null): string[] {
	const hidden = units.filter((u) => shown(u) === null && (counts.get(u) ?? 0) > 0);
	// One equation (the units add up to the total) when the total is shown: a lone hidden group is solved by it.
	if (total === null) return [];
	return hidden.length === 1 ? hidden : [];
}

function check(seed: number) {
	const s = generate(seed);
	const fail = (what: string) => expect.fail(`seed ${seed}: ${what}`);
	const published = new Map<string, string>();
	// Publish period by period, as months end: what is shown for a month never changes afterwards.
	for (let upTo = 1; upTo <= s.periods.length; upTo++) {
		const visible = s.responses.filter((x) => s.periods.indexOf(x.period) < upTo);
		const res = buildSurveyResults({ questions: QUESTIONS, responses: visible, threshold: s.threshold });
		for (const period of res.periods) {
			const groups = res.groups.filter((g) => g.period === period);
			const total = res.periodTotals.find((g) => g.period === period)!;
			const counts = new Map<string, number>();
			for (const x of visible) if (x.period === period) counts.set(x.unitId, (counts.get(x.unitId) ?? 0) + 1);
			for (const g of [...groups, total]) {
				const real = g.unitId === TOTAL ? [...counts.values()].reduce((a, b) => a + b, 0) : (counts.get(g.unitId) ?? 0);
				if (g.respondents !== null && g.respondents !== real) fail(`${g.unitId}/${period} shows ${g.respondents}, has ${real}`);
				if (g.respondents !== null && real < s.threshold) fail(`${g.unitId}/${period} shows a group of ${real} under k = ${s.threshold}`);
				if (g.respondents === null && (g.means.s !== null || g.choices.c !== null || (g.texts.t ?? []).length))
					fail(`${g.unitId}/${period} is hidden but shows figures`);
				if (g.unitId === TOTAL && (g.texts.t ?? []).length) fail(`free text is shown for a total`);
			}
			const shownOf = (u: string) => groups.find((g) => g.unitId === u)?.respondents ?? null;
			const leaks = derivable(counts, shownOf, s.units, total.respondents);
			if (leaks.length) fail(`hidden ${leaks.join(', ')} in ${period} follows from the shown total`);
			if (total.respondents !== null) {
				const rest = s.units.reduce((sum, u) => sum + (shownOf(u) === null ? (counts.get(u) ?? 0) : 0), 0);
				if (rest > 0 && rest < s.threshold) fail(`the total of ${period} gives away ${rest} hidden answers`);
			}
			const snapshot = JSON.stringify([groups, total]);
			const before = published.get(period);
			if (before !== undefined && before !== snapshot) fail(`what is shown for ${period} changed when a later period was published`);
			published.set(period, snapshot);
		}
	}
}

describe('survey results never let anyone compute one respondent’s answer (decision 059)', () => {
	it(`hides every group under the threshold and everything that would give one away, over ${RUNS} random surveys`, () => {
		const fixed = process.env.SURVEY_ANONYMITY_SEED;
		if (fixed) return check(Number(fixed));
		const start = Date.now() % 1_000_000;
		for (let run = 0; run < RUNS; run++) check(start + run * 7919);
	}, 120_000);

	it('hides a lone small unit together with another group, so the total cannot be subtracted', () => {
		const row = (unitId: string): ResultResponse => ({
			unitId,
			period: '',
			answers: [{ questionKey: 's', value: 5, choice: null, text: null }]
		});
		const res = buildSurveyResults({ questions: QUESTIONS, responses: [...Array(6)].map(() => row('a')).concat([row('b')]), threshold: 3 });
		expect(res.groups.find((g) => g.unitId === 'b')!.respondents).toBeNull();
		const shownA = res.groups.find((g) => g.unitId === 'a')!.respondents !== null;
		expect(shownA && res.periodTotals[0].respondents !== null).toBe(false);
	});
});
