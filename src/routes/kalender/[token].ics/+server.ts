import { error } from '@sveltejs/kit';
import { hitRateLimit } from '$lib/server/auth/rate-limit';
import { findCalendarFeedOwner, renderCalendarFeed } from '$lib/server/planning/reminders/calendar-feeds';
import type { RequestHandler } from './$types';

/** Calendar apps poll every 15 minutes to a few hours; more than this an hour is a script, not a calendar. */
const FETCHES_PER_HOUR = 120;

/**
 * A person's calendar feed: no session, the secret token in the address is the key (decision 024). An unknown
 * or replaced token is 404 after one indexed lookup; a known one is limited per feed.
 */
export const GET: RequestHandler = async ({ params, locals }) => {
	const personId = await findCalendarFeedOwner(locals.db, params.token);
	if (!personId) error(404);
	const { limited } = await hitRateLimit(locals.db, `calendar-feed:${personId}`, FETCHES_PER_HOUR, 3600);
	if (limited) error(429);
	const text = await renderCalendarFeed(locals.db, { personId });
	if (text === null) error(404);
	return new Response(text, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="rodtrad.ics"',
			'cache-control': 'private, max-age=900',
			'x-robots-tag': 'noindex'
		}
	});
};
