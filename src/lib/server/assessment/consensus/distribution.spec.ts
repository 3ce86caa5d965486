// Covers: isSpread, mediansDiffer, summarizeAnswers.
import { describe, expect, it } from 'vitest';
import { isSpread, mediansDiffer, summarizeAnswers, type AnswerValue } from './distribution';

const lv = (...levels: number[]): AnswerValue[] => levels.map((level) => ({ level, special: null }));
const special = (s: string): AnswerValue => ({ level: null, special: s });

describe('summarizing a group’s answers to an item', () => {
	it('counts each level and the non-level answers, and takes median and mean over levels only', () => {
		const d = summarizeAnswers([...lv(1, 2, 2, 4), special('dont_know'), special('not_applicable'), special('not_applicable')]);
		expect(d.levels).toEqual({ 1: 1, 2: 2, 3: 0, 4: 1 });
		expect(d.dontKnow).toBe(1);
		expect(d.notApplicable).toBe(2);
		expect(d.total).toBe(7);
		expect(d.median).toBe(2);
		expect(d.mean).toBe(2.25);
	});

	it('takes the middle of the two central answers as median of an even count', () => {
		expect(summarizeAnswers(lv(1, 2, 3, 4)).median).toBe(2.5);
	});

	it('has no median when nobody chose a level', () => {
		const d = summarizeAnswers([special('dont_know')]);
		expect(d.median).toBeNull();
		expect(d.mean).toBeNull();
	});
});

describe('the disagreement rule', () => {
	it('flags a group with a quarter at level 1 and a quarter at level 3 or above', () => {
		expect(isSpread(summarizeAnswers(lv(1, 2, 2, 3)))).toBe(true);
		expect(isSpread(summarizeAnswers(lv(2, 2, 4, 4, 3)))).toBe(true);
	});

	it('does not flag neighbouring levels, however evenly split', () => {
		expect(isSpread(summarizeAnswers(lv(2, 2, 3, 3)))).toBe(false);
	});

	it('does not flag a single outlier below a quarter of the group', () => {
		expect(isSpread(summarizeAnswers(lv(1, 3, 3, 3, 3, 3)))).toBe(false);
	});

	it('ignores "vet ej" and "ej aktuellt" when looking for a split', () => {
		expect(isSpread(summarizeAnswers([...lv(3, 3, 3), special('dont_know'), special('dont_know')]))).toBe(false);
	});

	it('flags perspectives whose medians are 1.5 steps apart or more, not less', () => {
		expect(mediansDiffer([1.5, 3])).toBe(true);
		expect(mediansDiffer([2, 3])).toBe(false);
		expect(mediansDiffer([2, null, 4])).toBe(true);
		expect(mediansDiffer([4, null])).toBe(false);
	});
});
