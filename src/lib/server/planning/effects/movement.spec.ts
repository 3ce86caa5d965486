// Covers: pointsMovement, selfAssessmentMovement, shareMovement.
import { describe, expect, it } from 'vitest';
import type { CellFigure } from '../../assessment/reports/stats';
import { pointsMovement, selfAssessmentMovement, shareMovement } from './movement';

const cell = (mean: number | null, n: number, sd = 0.5, shown = true): CellFigure => ({
	shown,
	suppressed: !shown,
	mean,
	sd,
	n,
	dontKnow: 0,
	notApplicable: 0
});

describe('selfAssessmentMovement', () => {
	it('says moved when the mean rises by more than the noise between two rounds', () => {
		expect(selfAssessmentMovement(cell(2, 20), cell(3, 20))).toBe('moved');
	});
	it('says not moved when the change is below half a step', () => {
		expect(selfAssessmentMovement(cell(2, 20), cell(2.3, 20))).toBe('not_moved');
	});
	it('says not moved when a large change is within the spread of few answers', () => {
		expect(selfAssessmentMovement(cell(2, 3, 1.5), cell(2.6, 3, 1.5))).toBe('not_moved');
	});
	it('says too little when a round is missing or a figure is hidden by the anonymity rule', () => {
		expect(selfAssessmentMovement(null, cell(3, 20))).toBe('too_little');
		expect(selfAssessmentMovement(cell(2, 20), cell(null, 0, 0, false))).toBe('too_little');
		expect(selfAssessmentMovement(cell(2, 1), cell(3, 20))).toBe('too_little');
	});
});

describe('shareMovement', () => {
	it('says moved when the value changed by at least a tenth of the baseline, either way', () => {
		expect(shareMovement(40, 44)).toBe('moved');
		expect(shareMovement(40, 36)).toBe('moved');
	});
	it('says not moved for a smaller change', () => {
		expect(shareMovement(40, 43)).toBe('not_moved');
	});
	it('treats a zero baseline as an absolute step of the share', () => {
		expect(shareMovement(0, 0.05)).toBe('not_moved');
		expect(shareMovement(0, 1)).toBe('moved');
	});
	it('says too little without a baseline or a value', () => {
		expect(shareMovement(null, 3)).toBe('too_little');
		expect(shareMovement(3, null)).toBe('too_little');
	});
});

describe('pointsMovement', () => {
	it('says moved for a change of ten percentage points or more', () => {
		expect(pointsMovement(0.4, 0.5)).toBe('moved');
		expect(pointsMovement(0.5, 0.38)).toBe('moved');
	});
	it('says not moved below ten points, and too little when a round is hidden or missing', () => {
		expect(pointsMovement(0.4, 0.45)).toBe('not_moved');
		expect(pointsMovement(null, 0.45)).toBe('too_little');
	});
});
