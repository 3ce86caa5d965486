import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { Spread } from '$lib/server/followup/operations/spread';

type Opt = { locale?: 'sv' | 'en' };

/** One decimal at most, in the locale's way ("4,5" / "4.5"). */
const num = (v: number, o: Opt) =>
	new Intl.NumberFormat((o.locale ?? getLocale()) === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 1 }).format(
		Math.round(v * 10) / 10
	);

/**
 * The spread of a per-100 figure between units in plain words (likvärdighet): how many units, lowest, median,
 * highest, the middle half, and how many times the lowest the highest is. Shared by the operational follow-up page,
 * the board report and its spreadsheet so the words are the same everywhere.
 */
export function spreadInWords(s: Spread | null, o: Opt = {}): string {
	const opts = o.locale ? { locale: o.locale } : undefined;
	if (s === null) return m.ops_spread_too_few({}, opts);
	return m.ops_spread_text(
		{
			n: num(s.n, o),
			min: num(s.min, o),
			median: num(s.median, o),
			max: num(s.max, o),
			q1: num(s.q1, o),
			q3: num(s.q3, o),
			ratio: s.ratio === null ? '–' : num(s.ratio, o)
		},
		opts
	);
}
