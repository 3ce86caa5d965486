// Covers: simplifiedVerdict, requirementsFor.
import { describe, expect, it } from 'vitest';
import { requirementsFor, SHIPPED_REQUIREMENTS } from './requirement-catalogue';
import { DEFAULT_RULES, simplifiedVerdict } from './simplified-review';

const levels = (c: number, i: number, a: number, tr: number | null = null) => ({
	confidentiality: c,
	integrity: i,
	availability: a,
	traceability: tr
});

describe('the simplified review', () => {
	it('is enough for a classified tool whose every level is within the rules', () => {
		expect(simplifiedVerdict(levels(1, 1, 0), false, DEFAULT_RULES)).toEqual({ qualifies: true, reasons: [] });
		expect(simplifiedVerdict(levels(1, 0, 1, 1), true, DEFAULT_RULES).qualifies).toBe(true);
	});

	it('names every level above its ceiling', () => {
		expect(simplifiedVerdict(levels(2, 1, 4, 3), true, DEFAULT_RULES).reasons).toEqual([
			{ kind: 'above', aspect: 'confidentiality', level: 2, max: 1 },
			{ kind: 'above', aspect: 'availability', level: 4, max: 1 },
			{ kind: 'above', aspect: 'traceability', level: 3, max: 1 }
		]);
	});

	it('needs a classification, and traceability when the tool handles personal data', () => {
		expect(simplifiedVerdict(null, false, DEFAULT_RULES).reasons).toEqual([{ kind: 'unclassified' }]);
		expect(simplifiedVerdict(levels(0, 0, 0), true, DEFAULT_RULES).reasons).toEqual([{ kind: 'traceability_missing' }]);
		// Traceability left from when the tool handled personal data does not count once it handles none.
		expect(simplifiedVerdict(levels(0, 0, 0, 4), false, DEFAULT_RULES).qualifies).toBe(true);
	});

	it('follows the organizer: off altogether, or never with personal data', () => {
		expect(simplifiedVerdict(levels(0, 0, 0), false, { ...DEFAULT_RULES, enabled: false }).reasons).toEqual([{ kind: 'off' }]);
		const strict = { ...DEFAULT_RULES, personalDataExcludes: true };
		expect(simplifiedVerdict(levels(0, 0, 0, 0), true, strict).reasons).toEqual([{ kind: 'personal_data' }]);
		expect(simplifiedVerdict(levels(0, 0, 0), false, strict).qualifies).toBe(true);
		expect(simplifiedVerdict(levels(3, 0, 0), false, { ...DEFAULT_RULES, maxConfidentiality: 3 }).qualifies).toBe(true);
	});
});

describe('the requirements of a classification', () => {
	it('lists the catalogue entries at or below each level, by aspect, level and text, and none for level 0', () => {
		expect(requirementsFor(levels(0, 0, 0), SHIPPED_REQUIREMENTS)).toEqual([]);
		expect(requirementsFor(levels(3, 1, 3, null), SHIPPED_REQUIREMENTS).map((r) => r.id)).toEqual([
			'k2-roles',
			'k2-school-accounts',
			'k3-two-step',
			'k3-eu',
			't2-outages',
			't3-restore-time'
		]);
		expect(requirementsFor(levels(0, 4, 0, 3), SHIPPED_REQUIREMENTS).map((r) => r.id)).toEqual([
			'r2-change-log',
			'r3-versions',
			'r4-source',
			's2-read-log',
			's3-log-kept'
		]);
	});
});
