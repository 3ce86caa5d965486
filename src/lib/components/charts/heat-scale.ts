/**
 * The heat map's colour scale: one sequential blue scale from low (light) to high (dark) over the
 * levels 1–4, so a higher mean is never paler than a lower one. Each step carries the text colour
 * that reads at least 4.5:1 against its fill (WCAG 2.1 AA for normal text).
 */
export const HEAT_STEPS = ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'] as const;

const DARK_INK = '#1b1b1b';
const LIGHT_INK = '#ffffff';

/** Relative luminance of a `#rrggbb` colour (WCAG 2.1 definition). */
export function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
	const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Contrast ratio between two `#rrggbb` colours, 1–21. */
export function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

/** Fill and text colour for a mean level (values outside 1–4 are clamped). */
export function heatColour(value: number): { fill: string; ink: string } {
	const share = (Math.min(4, Math.max(1, value)) - 1) / 3;
	const fill = HEAT_STEPS[Math.min(HEAT_STEPS.length - 1, Math.floor(share * HEAT_STEPS.length))];
	const ink = contrast(fill, DARK_INK) >= contrast(fill, LIGHT_INK) ? DARK_INK : LIGHT_INK;
	return { fill, ink };
}
