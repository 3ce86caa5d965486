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

/** A date as the user's locale writes it, in Swedish time. */
export function formatDate(value: Date | string | null | undefined, withTime = false): string {
	if (!value) return '';
	const d = typeof value === 'string' ? new Date(value) : value;
	return new Intl.DateTimeFormat(getLocale() === 'en' ? 'en-GB' : 'sv-SE', {
		timeZone: 'Europe/Stockholm',
		dateStyle: 'medium',
		...(withTime ? { timeStyle: 'short' } : {})
	}).format(d);
}

export function formatNumber(n: number): string {
	return new Intl.NumberFormat(getLocale() === 'en' ? 'en-GB' : 'sv-SE').format(n);
}
