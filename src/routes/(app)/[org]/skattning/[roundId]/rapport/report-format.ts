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

/** Why a cell is hidden, in words (decision 028); null when there is no reason to give. */
export function hiddenText(why: 'closed' | 'few' | 'protect' | null | undefined, k: number): string | null {
	if (why === 'closed') return m.orgreport_why_closed();
	if (why === 'few') return m.orgreport_why_few({ k });
	if (why === 'protect') return m.orgreport_why_protect();
	return null;
}
