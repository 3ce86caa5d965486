// Covers: suppressReflectionUnits.
/**
 * Property test for reflection aggregates per unit (decision 066), the sibling of the self-assessment's anonymity
 * property test (consensus/anonymity.property.spec.ts) with the same seeded mulberry32 generator: random organizers
 * (1–8 units, some empty, people without a unit, k 2–6). The page shows each shown unit's figures and the organizer
 * total (when the organizer aggregate is shown); the people without a unit are never shown on their own. It checks
 * that no shown unit has 1…k−1 people; that, where the total is shown, the people not shown (hidden units and those
 * without a unit) are none or at least k together; and that no hidden group under the threshold is the only unknown
 * left, so none is worked out by subtraction. `REFLECTION_ANONYMITY_SEED=<seed>` replays a failure.
 */
import { describe, expect, it } from 'vitest';
import { isShown } from '../assessment/reports/suppress';
import { NO_UNIT, suppressReflectionUnits } from './reflection-suppression';

const RUNS = Number(process.env.REFLECTION_ANONYMITY_RUNS ?? 2000);

function random(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

function check(seed: number) {
	const r = random(seed);
	const threshold = r.int(2, 6);
	// Small groups are the interesting ones: most counts fall under or just over the threshold.
	const counts = Array.from({ length: r.int(1, 8) }, (_, i) => ({ unitId: `u${i}`, count: r.next() < 0.2 ? 0 : r.int(1, threshold * 2) }));
	if (r.next() < 0.6) counts.push({ unitId: NO_UNIT, count: r.int(1, threshold + 1) });
	const cells = counts.filter((c) => c.count > 0);
	const s = suppressReflectionUnits(cells, threshold);
	const total = cells.reduce((sum, c) => sum + c.count, 0);
	// What the organizer's page shows as its total: the organizer aggregate's own rule.
	const totalOnPage = isShown(total, threshold) && s.totalShown;
	for (const c of cells)
		if (s.shown(c.unitId)) expect(isShown(c.count, threshold), `seed ${seed}: ${c.unitId} shown with ${c.count}`).toBe(true);
	expect(s.shown(NO_UNIT)).toBe(false);
	if (totalOnPage) {
		const unseen = cells.filter((c) => !s.shown(c.unitId));
		const rest = unseen.reduce((sum, c) => sum + c.count, 0);
		expect(rest === 0 || isShown(rest, threshold), `seed ${seed}: the unseen add up to ${rest}`).toBe(true);
		// A group left alone beside the total is worked out; that is only allowed for one that could be shown anyway.
		const small = unseen.filter((c) => !isShown(c.count, threshold));
		if (small.length) expect(unseen.length, `seed ${seed}: a small group alone beside a shown total`).toBeGreaterThan(1);
	}
}

describe('reflection aggregates per unit (anonymity property)', () => {
	it('never shows a small unit, nor lets one be worked out from the organizer total', () => {
		const fixed = process.env.REFLECTION_ANONYMITY_SEED;
		if (fixed) return check(Number(fixed));
		for (let seed = 1; seed <= RUNS; seed++) check(seed);
	});

	it('shows units at the threshold when every group is large enough', () => {
		const s = suppressReflectionUnits(
			[
				{ unitId: 'a', count: 5 },
				{ unitId: 'b', count: 7 }
			],
			5
		);
		expect([s.shown('a'), s.shown('b'), s.totalShown]).toEqual([true, true, true]);
	});

	it('hides a second unit beside a small one, so the total does not give it away', () => {
		const s = suppressReflectionUnits(
			[
				{ unitId: 'a', count: 2 },
				{ unitId: 'b', count: 9 },
				{ unitId: 'c', count: 6 }
			],
			5
		);
		expect(s.shown('a')).toBe(false);
		expect([s.shown('b'), s.shown('c')].filter(Boolean)).toHaveLength(1);
	});
});
