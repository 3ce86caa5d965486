// Covers: cellKey, isShown, suppressGroups.
import { describe, expect, it } from 'vitest';
import { cellKey, isShown, suppressGroups, TOTAL, type SuppressionCell } from './suppress';

/** Hidden cells (and totals) an attacker can compute exactly from the shown figures: linear algebra on the sums. */
function derivableHiddenCells(cells: SuppressionCell[], threshold: number, forceHidden: string[] = []): string[] {
	const result = suppressGroups({ cells, threshold, forceHidden });
	const rows = [...new Set(cells.map((c) => c.row)), TOTAL];
	const cols = [...new Set(cells.map((c) => c.col)), TOTAL];
	const unknowns = [...result.hidden].filter((key) => {
		const [row, col] = key.split('\u0000');
		return result.count(row, col) > 0;
	});
	// Hidden groups with count 0 are zero and known; hidden cells with counts are the unknowns.
	const index = new Map(unknowns.map((key, i) => [key, i]));
	const equations: number[][] = [];
	const line = (members: string[], total: string) => {
		const equation = new Array(unknowns.length).fill(0);
		for (const m of members) if (index.has(m)) equation[index.get(m)!] += 1;
		if (index.has(total)) equation[index.get(total)!] -= 1;
		if (equation.some((v) => v !== 0)) equations.push(equation);
	};
	for (const row of rows)
		line(
			cols.filter((c) => c !== TOTAL).map((c) => cellKey(row, c)),
			cellKey(row, TOTAL)
		);
	for (const col of cols)
		line(
			rows.filter((r) => r !== TOTAL).map((r) => cellKey(r, col)),
			cellKey(TOTAL, col)
		);
	const rank = (matrix: number[][]) => {
		const m = matrix.map((r) => [...r]);
		let r = 0;
		for (let c = 0; c < unknowns.length && r < m.length; c++) {
			const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c]) > 1e-9);
			if (pivot < 0) continue;
			[m[r], m[pivot]] = [m[pivot], m[r]];
			for (let i = 0; i < m.length; i++) {
				if (i === r) continue;
				const f = m[i][c] / m[r][c];
				for (let j = 0; j < unknowns.length; j++) m[i][j] -= f * m[r][j];
			}
			r++;
		}
		return r;
	};
	const base = rank(equations);
	return unknowns.filter((key, i) => {
		const unit = new Array(unknowns.length).fill(0);
		unit[i] = 1;
		return rank([...equations, unit]) === base;
	});
}

const grid = (counts: Record<string, Record<string, number>>): SuppressionCell[] =>
	Object.entries(counts).flatMap(([row, byCol]) => Object.entries(byCol).map(([col, count]) => ({ row, col, count })));

describe('isShown', () => {
	it('shows a group with at least the threshold of respondents', () => {
		expect(isShown(5, 5)).toBe(true);
		expect(isShown(4, 5)).toBe(false);
	});
	it('never shows an empty group, even with threshold zero', () => {
		expect(isShown(0, 0)).toBe(false);
		expect(isShown(1, 0)).toBe(true);
	});
});

describe('suppressGroups', () => {
	it('shows everything when every group reaches the threshold', () => {
		const result = suppressGroups({ cells: grid({ a: { students: 6, staff: 7 }, b: { students: 8, staff: 9 } }), threshold: 5 });
		expect(result.hidden.size).toBe(0);
		expect(result.count(TOTAL, 'students')).toBe(14);
	});

	it('hides a second unit when the organizer total for the perspective would reveal a small group', () => {
		const cells = grid({ a: { students: 3 }, b: { students: 8 }, c: { students: 12 } });
		const result = suppressGroups({ cells, threshold: 5 });
		expect(result.shown('a', 'students')).toBe(false);
		expect(result.shown('b', 'students')).toBe(false); // next-smallest group, hidden as complement
		expect(result.shown('c', 'students')).toBe(true);
		expect(derivableHiddenCells(cells, 5)).toEqual([]);
	});

	it('hides the unit total or another perspective when a unit total would reveal its small group', () => {
		const cells = grid({ a: { students: 3, staff: 10, leadership: 6 }, b: { students: 9, staff: 10, leadership: 6 } });
		const result = suppressGroups({ cells, threshold: 5 });
		expect(result.shown('a', 'students')).toBe(false);
		const rowStillOpen = ['staff', 'leadership', TOTAL].filter((c) => result.shown('a', c));
		expect(rowStillOpen.length).toBeLessThan(3);
		expect(derivableHiddenCells(cells, 5)).toEqual([]);
	});

	it('resists subtraction across two levels: organizer → unit → perspective', () => {
		const cells = grid({
			a: { students: 2, staff: 9 },
			b: { students: 7, staff: 11 },
			c: { students: 20, staff: 5 },
			d: { students: 6, staff: 30 }
		});
		expect(derivableHiddenCells(cells, 5)).toEqual([]);
		const result = suppressGroups({ cells, threshold: 5 });
		// The small group is still hidden, and the organizer total it belongs to is either hidden or has company.
		expect(result.shown('a', 'students')).toBe(false);
	});

	it('treats groups with no respondents as known zeros, not as cover', () => {
		const cells = grid({ a: { students: 3, staff: 0 }, b: { students: 0, staff: 12 }, c: { students: 9, staff: 9 } });
		expect(derivableHiddenCells(cells, 5)).toEqual([]);
	});

	it('keeps forced cells hidden and covers them too', () => {
		const cells = grid({ a: { students: 8, staff: 9 }, b: { students: 8, staff: 9 }, c: { students: 10, staff: 12 } });
		const result = suppressGroups({ cells, threshold: 5, forceHidden: [cellKey('a', 'staff')] });
		expect(result.shown('a', 'staff')).toBe(false);
		expect(derivableHiddenCells(cells, 5, [cellKey('a', 'staff')])).toEqual([]);
	});

	it('with protectRemainders, keeps a unit total (pooled value) and hides enough beside its small perspectives (decision 028)', () => {
		// Like the demo: 1–2 leaders and 2 key people per unit, many staff and students.
		const counts = {
			a: { leadership: 2, key_people: 2, staff: 9, students: 14 },
			b: { leadership: 1, key_people: 2, staff: 12, students: 20 },
			c: { leadership: 2, key_people: 2, staff: 8, students: 11 }
		};
		const cells = grid(counts);
		const result = suppressGroups({ cells, threshold: 5, protectRemainders: true });
		for (const unit of Object.keys(counts)) {
			expect(result.shown(unit, TOTAL)).toBe(true);
			expect(result.shown(unit, 'leadership')).toBe(false);
			// Leaders and key people together are 3–4: one more perspective is hidden so the unit total gives no small group away.
			const hiddenRest = ['leadership', 'key_people', 'staff', 'students']
				.filter((p) => !result.shown(unit, p))
				.reduce((n, p) => n + result.count(unit, p), 0);
			expect(hiddenRest).toBeGreaterThanOrEqual(5);
		}
		expect([...result.primary].sort()).toEqual(
			Object.keys(counts)
				.flatMap((u) => [cellKey(u, 'key_people'), cellKey(u, 'leadership')])
				.sort()
		);
		expect(derivableHiddenCells(cells, 5)).toEqual([]);
		// Without the rule the same table shows each unit total beside its staff and students: leaders + key people follow.
		const loose = suppressGroups({ cells, threshold: 5 });
		expect(['staff', 'students', TOTAL].every((c) => loose.shown('a', c))).toBe(true);
	});

	it('leaves no hidden group derivable in many random tables', () => {
		let seed = 42;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		for (let run = 0; run < 1500; run++) {
			const rows = 1 + Math.floor(random() * 7);
			const cols = 1 + Math.floor(random() * 4);
			const cells: SuppressionCell[] = [];
			for (let r = 0; r < rows; r++)
				for (let c = 0; c < cols; c++) cells.push({ row: `u${r}`, col: `p${c}`, count: Math.floor(random() * 12) });
			const forced = random() < 0.3 ? [cellKey('u0', 'p0')] : [];
			expect(derivableHiddenCells(cells, 5, forced), JSON.stringify(cells)).toEqual([]);
		}
	});
});
