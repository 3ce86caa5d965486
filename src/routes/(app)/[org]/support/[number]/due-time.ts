import { getLocale } from '$lib/paraglide/runtime';

const formats = new Map<string, Intl.DateTimeFormat>();

/** A due time with its weekday, in Swedish time: "måndag 7 dec. 13:00" / "Monday 7 Dec, 13:00". */
export function formatDueTime(value: string | Date): string {
	const locale = getLocale() === 'en' ? 'en-GB' : 'sv-SE';
	let f = formats.get(locale);
	if (!f) {
		f = new Intl.DateTimeFormat(locale, {
			timeZone: 'Europe/Stockholm',
			weekday: 'long',
			day: 'numeric',
			month: 'short',
			hour: '2-digit',
			minute: '2-digit'
		});
		formats.set(locale, f);
	}
	return f.format(typeof value === 'string' ? new Date(value) : value);
}
