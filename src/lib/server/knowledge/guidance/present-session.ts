import type { SessionListItem } from './find-sessions';
import type { SessionDetails } from './get-session';

/** A session list item for the page: dates as ISO text. */
export const presentListItem = (s: SessionListItem) => ({ ...s, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() });

/** One session for its page: only what the page shows, dates as ISO text; the bookings only for those who run it. */
export function presentSession(d: SessionDetails) {
	const s = d.session;
	return {
		session: {
			id: s.id,
			kind: s.kind,
			chain: s.chain,
			title: s.title,
			description: s.description,
			startsAt: s.startsAt.toISOString(),
			endsAt: s.endsAt.toISOString(),
			meetingUrl: s.meetingUrl,
			place: s.place,
			unitName: d.unitName,
			seats: s.seats,
			cancelled: !!s.cancelledAt,
			series: !!s.seriesId
		},
		hostName: d.hostName,
		free: d.free,
		booked: d.booked,
		ended: d.ended,
		ownBooking: d.ownBooking
			? { note: d.ownBooking.note, feedbackScore: d.ownBooking.feedbackScore, feedbackGiven: !!d.ownBooking.feedbackAt }
			: null,
		bookings: d.bookings,
		can: d.can
	};
}
