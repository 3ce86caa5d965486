import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

type Msg = (params?: Record<string, unknown>) => string;

/**
 * Translates a message key sent by the server (validation messages, role names).
 * Unknown keys are shown as they are rather than hidden.
 */
export function t(key: string, params?: Record<string, unknown>): string {
	const fn = (m as unknown as Record<string, Msg | undefined>)[key];
	return fn ? fn(params) : key;
}

/** Formatters are costly to build (a list of 25 dates spent most of its render time here); one per locale and style. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date as the user's locale writes it, in Swedish time. */
export function formatDate(value: Date | string | null | undefined, withTime = false): string {
	if (!value) return '';
	const d = typeof value === 'string' ? new Date(value) : value;
	const locale = getLocale() === 'en' ? 'en-GB' : 'sv-SE';
	const key = `${locale}|${withTime}`;
	let format = dateFormats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, {
			timeZone: 'Europe/Stockholm',
			dateStyle: 'medium',
			...(withTime ? { timeStyle: 'short' } : {})
		});
		dateFormats.set(key, format);
	}
	return format.format(d);
}

export function formatNumber(n: number): string {
	return new Intl.NumberFormat(getLocale() === 'en' ? 'en-GB' : 'sv-SE').format(n);
}

/** A month 'YYYY-MM' as the user's locale names it ("november 2026", "November 2026"). */
export function formatMonth(month: string): string {
	const locale = getLocale() === 'en' ? 'en-GB' : 'sv-SE';
	return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));
}
