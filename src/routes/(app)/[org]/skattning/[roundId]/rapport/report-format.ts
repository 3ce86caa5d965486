import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/** Same key the server uses for totals. */
export const TOTAL = '__total__';

/** A mean level with one decimal in the user's locale. */
export const fmt = (n: number) =>
	new Intl.NumberFormat(getLocale() === 'en' ? 'en-GB' : 'sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);

/** A share as a whole percentage. */
export const pct = (n: number) => new Intl.NumberFormat(getLocale() === 'en' ? 'en-GB' : 'sv-SE', { style: 'percent' }).format(n);

/** The name of a perspective. */
export function perspectiveLabel(p: string): string {
	switch (p) {
		case 'leadership':
			return m.reports_perspective_leadership();
		case 'staff':
			return m.reports_perspective_staff();
		case 'students':
			return m.reports_perspective_students();
		case 'key_people':
			return m.reports_perspective_key_people();
		default:
			return p;
	}
}
