import ical from 'ical-generator';

/** One all-day event of a calendar feed. Text goes in as plain text; the library escapes it. */
export type FeedEvent = {
	/** Stable across fetches, so a calendar app updates the event instead of adding another. */
	uid: string;
	/** YYYY-MM-DD. */
	day: string;
	summary: string;
	description: string;
	url: string;
	/** A timed event (a meeting) instead of an all-day one. */
	start?: Date;
	end?: Date;
};

/** The feed as iCalendar text (RFC 5545): one VEVENT per event (all-day unless it has a start), in the order given. */
export function buildCalendarText(opts: { name: string; events: FeedEvent[]; now?: Date }): string {
	const calendar = ical({ name: opts.name, prodId: { company: 'Rödtråd', product: 'Rödtråd', language: 'SV' } });
	const stamp = opts.now ?? new Date();
	for (const e of opts.events) {
		calendar.createEvent({
			id: e.uid,
			// Midnight UTC of the day: with no time zone, an all-day date is written from the UTC date.
			...(e.start ? { start: e.start, end: e.end ?? e.start } : { start: new Date(`${e.day}T00:00:00Z`), allDay: true }),
			stamp,
			summary: e.summary,
			description: e.description,
			url: e.url
		});
	}
	return calendar.toString();
}
