// Covers: leadTimeHours, lostLessons, meanOf, shareAtLevel3, slaCompliance, userErrorShare.
import { describe, expect, it } from 'vitest';
import {
	leadTimeHours,
	lostLessons,
	meanOf,
	shareAtLevel3,
	slaCompliance,
	userErrorShare,
	type SupportFigureInput
} from './indicator-values';

const figures: SupportFigureInput = {
	leadTimes: {
		lines: [
			{ line: 1, median: 90 },
			{ line: 2, median: null },
			{ line: 3, median: 600 }
		],
		total: { median: 120 }
	},
	sla: [
		{ kind: 'resolution', compliance: 0.75 },
		{ kind: 'first_response', compliance: null }
	],
	units: [
		{ id: 'a', lessons: 6 },
		{ id: 'b', lessons: 2 }
	],
	userErrorShare: 0.25
};

describe('meanOf', () => {
	it('gives the mean of a shown cell', () => {
		expect(meanOf({ shown: true, suppressed: false, mean: 2.5, sd: 0.5, n: 10, dontKnow: 0, notApplicable: 0 })).toEqual({
			value: 2.5,
			suppressed: false
		});
	});
	it('keeps a suppressed cell hidden', () => {
		expect(meanOf({ shown: false, suppressed: true, mean: null, sd: null, n: 0, dontKnow: 0, notApplicable: 0 })).toEqual({
			value: null,
			suppressed: true
		});
	});
	it('gives nothing for a missing cell', () => expect(meanOf(undefined)).toEqual({ value: null, suppressed: false }));
});

describe('shareAtLevel3', () => {
	it('divides answers at level 3 or 4 by all level answers', () =>
		expect(shareAtLevel3({ atLeast3: 3, levels: 4 }, true).value).toBe(0.75));
	it('hides the share when the report hides the cell', () =>
		expect(shareAtLevel3({ atLeast3: 3, levels: 4 }, false)).toEqual({ value: null, suppressed: true }));
	it('gives null when nobody chose a level', () => expect(shareAtLevel3({ atLeast3: 0, levels: 0 }, true).value).toBeNull());
});

describe('support indicators', () => {
	it('turns a line median from working minutes into hours', () => {
		expect(leadTimeHours(figures, 1)).toBe(1.5);
		expect(leadTimeHours(figures, 0)).toBe(2);
		expect(leadTimeHours(figures, 2)).toBeNull();
	});
	it('reads SLA compliance per target', () => {
		expect(slaCompliance(figures, 'resolution')).toBe(0.75);
		expect(slaCompliance(figures, 'feedback')).toBeNull();
	});
	it('sums lost lessons for a unit, and gives the mean per unit with cases for the organizer', () => {
		expect(lostLessons(figures, 'unit')).toBe(8);
		expect(lostLessons(figures, 'organizer')).toBe(4);
		expect(lostLessons({ ...figures, units: [] }, 'organizer')).toBe(0);
	});
	it('reads the handhavandefel share', () => expect(userErrorShare(figures)).toBe(0.25));
});
