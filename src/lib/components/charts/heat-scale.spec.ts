// Covers: heatColour, luminance, contrast (the heat map's colour scale).
import { describe, expect, it } from 'vitest';
import { contrast, heatColour, HEAT_STEPS, luminance } from './heat-scale';

const values = Array.from({ length: 301 }, (_, i) => 1 + i / 100);

describe('the heat map colour scale', () => {
	it('never gets lighter as the mean rises from 1 to 4', () => {
		const light = values.map((v) => luminance(heatColour(v).fill));
		for (let i = 1; i < light.length; i++) expect(light[i]).toBeLessThanOrEqual(light[i - 1]);
		expect(luminance(heatColour(1).fill)).toBeGreaterThan(luminance(heatColour(1.7).fill));
		expect(luminance(heatColour(1.7).fill)).toBeGreaterThan(luminance(heatColour(2).fill));
		expect(luminance(heatColour(2).fill)).toBeGreaterThan(luminance(heatColour(4).fill));
	});

	it('uses every step, lightest at 1 and darkest at 4', () => {
		expect(new Set(values.map((v) => heatColour(v).fill))).toEqual(new Set(HEAT_STEPS));
		expect(heatColour(1).fill).toBe(HEAT_STEPS[0]);
		expect(heatColour(4).fill).toBe(HEAT_STEPS[HEAT_STEPS.length - 1]);
	});

	it('keeps the text at 4.5:1 or more against every step', () => {
		for (const v of values) {
			const { fill, ink } = heatColour(v);
			expect(contrast(fill, ink)).toBeGreaterThanOrEqual(4.5);
		}
	});

	it('clamps values outside the level range', () => {
		expect(heatColour(0.2)).toEqual(heatColour(1));
		expect(heatColour(9)).toEqual(heatColour(4));
	});

	it('measures contrast as WCAG does', () => {
		expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
	});
});
