// Covers: planDemo, emailLocalPart, createRandom.
import { describe, expect, it } from 'vitest';
import { planDemo } from './plan-demo';
import { emailLocalPart } from './names';
import { createRandom } from './random';

describe('the demo plan', () => {
	it('is the same for the same seed', () => {
		expect(planDemo(42)).toEqual(planDemo(42));
	});

	it('never hands out a skolenhetskod that is already taken', () => {
		const taken = new Set(planDemo(42).units.flatMap((u) => (u.schoolUnitCode ? [u.schoolUnitCode] : [])));
		const codes = planDemo(42, taken).units.flatMap((u) => (u.schoolUnitCode ? [u.schoolUnitCode] : []));
		expect(codes.some((c) => taken.has(c))).toBe(false);
	});

	it('gives every person a unique e-mail address', () => {
		const emails = planDemo(42).people.map((p) => p.email);
		expect(new Set(emails).size).toBe(emails.length);
	});
});

describe('demo names', () => {
	it('folds å, ä, ö and accents to ASCII in e-mail addresses', () => {
		expect(emailLocalPart('Örjan', 'Ängström')).toBe('orjan.angstrom');
		expect(emailLocalPart('Linnéa', 'Håkansson')).toBe('linnea.hakansson');
	});
});

describe('the seeded random source', () => {
	it('repeats its sequence for a seed and stays within bounds', () => {
		const a = createRandom(1);
		const b = createRandom(1);
		const xs = Array.from({ length: 100 }, () => a.int(3, 5));
		expect(xs).toEqual(Array.from({ length: 100 }, () => b.int(3, 5)));
		expect(xs.every((x) => x >= 3 && x <= 5)).toBe(true);
		expect(new Set(xs).size).toBe(3);
	});
});
