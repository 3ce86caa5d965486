// Covers: scaleTop, linearScale.
import { describe, expect, it } from 'vitest';
import { linearScale, scaleTop } from './chart-scale';

describe('the charts’ scale', () => {
	it('tops out at the given maximum, else the highest value but never below the floor', () => {
		expect(scaleTop([0.2, 0.9], { max: 1, floor: 1 })).toBe(1);
		expect(scaleTop([3, null, 7], { floor: 1 })).toBe(7);
		expect(scaleTop([null, 0], { floor: 0.1 })).toBe(0.1);
		expect(scaleTop([], { max: null, floor: 1 })).toBe(1);
	});

	it('maps values linearly, downwards or upwards', () => {
		const x = linearScale(10, 170, 320);
		expect([x(0), x(5), x(10)]).toEqual([170, 330, 490]);
		const y = linearScale(4, 152, -140);
		expect([y(0), y(4)]).toEqual([152, 12]);
	});
});
