import { getLocale } from '$lib/paraglide/runtime';

const formats = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

/** A session's time in the reader's language, in Stockholm time: "tis 9 dec. 2026 14:00–14:45". */
export function sessionTime(startsAt: string, endsAt: string): string {
	const tag = getLocale() === 'en' ? 'en-GB' : 'sv-SE';
	let f = formats.get(tag);
	if (!f) {
		const zone = { timeZone: 'Europe/Stockholm' } as const;
		f = {
			day: new Intl.DateTimeFormat(tag, { ...zone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }),
			time: new Intl.DateTimeFormat(tag, { ...zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
		};
		formats.set(tag, f);
	}
	const start = new Date(startsAt);
	return `${f.day.format(start)} ${f.time.format(start)}–${f.time.format(new Date(endsAt))}`;
}
