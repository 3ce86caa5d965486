import { m } from '$lib/paraglide/messages';

/** "F" for förskoleklass, else the year number. */
const year = (n: number) => (n === 0 ? 'F' : String(n));

/** The year groups an approval covers, in words ("åk 4–9", "från åk 7"); empty when there is no limit. */
export function yearsLabel(from: number | null, to: number | null): string {
	if (from === null && to === null) return '';
	if (from !== null && to !== null)
		return from === to ? m.apps_years_one({ year: year(from) }) : m.apps_years_range({ from: year(from), to: year(to) });
	if (from !== null) return m.apps_years_from({ from: year(from) });
	return m.apps_years_to({ to: year(to!) });
}

/** A year group as the decision form shows it ("F", "1" … "9"), or empty. */
export const yearValue = (n: number | null) => (n === null ? '' : year(n));
