import { redirect, type RequestEvent } from '@sveltejs/kit';
import { createCalendarFeed, getCalendarFeed, removeCalendarFeed } from '$lib/server/planning/reminders/calendar-feeds';
import type { Actions, PageServerLoad } from './$types';

const PATH = '/konto/kalender';

function requireActor({ locals }: Pick<RequestEvent, 'locals'>) {
	if (!locals.actor) redirect(303, `/logga-in?redirectTo=${encodeURIComponent(PATH)}`);
	return locals.actor;
}

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const feed = await getCalendarFeed(event.locals.db, { actor });
	return { since: feed?.createdAt.toISOString() ?? null, removed: event.url.searchParams.has('borttagen') };
};

export const actions: Actions = {
	/** Answers with the address instead of a redirect: this response is the only time it is shown. */
	create: async (event) => {
		const actor = requireActor(event);
		const { url } = await createCalendarFeed(event.locals.db, { actor });
		return { url };
	},
	remove: async (event) => {
		const actor = requireActor(event);
		await removeCalendarFeed(event.locals.db, { actor });
		redirect(303, `${PATH}?borttagen`);
	}
};
