import ical, { ICalEventStatus } from 'ical-generator';

/** What the iCal of a guidance session says. Text goes in as plain text; the library escapes it. */
export type SessionEvent = {
	id: string;
	title: string;
	description: string;
	startsAt: Date;
	endsAt: Date;
	/** The meeting link, a place or a unit's name: where a calendar app shows it. */
	location: string | null;
	/** The session's page in Rödtråd. */
	url: string;
	hostName: string;
	cancelled: boolean;
};

/**
 * The session as iCalendar text (RFC 5545): one timed VEVENT whose UID stays the same for the session, so a calendar
 * app that imports it again (after a change, or as both booker and host) updates the event instead of adding one.
 * A cancelled session says STATUS:CANCELLED. Not buildCalendarText of the planning feeds: that has no location or
 * status, which a meeting needs.
 */
export function buildSessionCalendar(event: SessionEvent, now: Date = new Date()): string {
	// The library escapes event text but not the calendar's name: no line breaks may reach it.
	const calendar = ical({
		name: event.title.split(/\r\n|\r|\n/).join(' '),
		prodId: { company: 'Rödtråd', product: 'Rödtråd', language: 'SV' }
	});
	calendar.createEvent({
		id: `guidance-${event.id}@rodtrad`,
		start: event.startsAt,
		end: event.endsAt,
		stamp: now,
		summary: event.title,
		description: [event.description, event.hostName, event.url].filter(Boolean).join('\n\n'),
		location: event.location,
		url: event.url,
		status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
	});
	return calendar.toString();
}
