import { formatNumber } from '$lib/i18n';

/** A share as a whole percentage, or a dash when there is nothing to compute it from. */
export const pct = (v: number | null) => (v === null ? '–' : `${formatNumber(Math.round(v * 100))} %`);
/** A number with at most one decimal, or a dash. */
export const num = (v: number | null) => (v === null ? '–' : formatNumber(Math.round(v * 10) / 10));
/** Working minutes as working hours with one decimal, or a dash. */
export const hours = (min: number | null) => (min === null ? '–' : formatNumber(Math.round(min / 6) / 10));
