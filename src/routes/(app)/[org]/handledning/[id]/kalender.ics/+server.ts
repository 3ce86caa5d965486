import { requireKnowledge } from '$lib/server/http/require-knowledge';
import { throwHttp } from '$lib/server/http/errors';
import { getSessionCalendar } from '$lib/server/knowledge/guidance/get-session-calendar';
import type { RequestHandler } from './$types';

/** The session's iCal file, for the person who booked it and its host; 404 for anyone else. */
export const GET: RequestHandler = async (event) => {
	const { actor, organizer } = await requireKnowledge(event, 'guidance.book');
	const text = await getSessionCalendar(event.locals.db, { actor, organizerId: organizer.id, sessionId: event.params.id }).catch(throwHttp);
	return new Response(text, {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': 'attachment; filename="handledning.ics"',
			'Cache-Control': 'private, no-store'
		}
	});
};
