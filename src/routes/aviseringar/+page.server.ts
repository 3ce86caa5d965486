import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { isAppError } from '$lib/server/errors';
import { findNotifications } from '$lib/server/notifications/find-notifications';
import { markNotificationsRead } from '$lib/server/notifications/mark-notifications-read';
import type { Actions, PageServerLoad } from './$types';

const PATH = '/aviseringar';

function requireActor({ locals }: Pick<RequestEvent, 'locals'>) {
	if (!locals.actor) redirect(303, `/logga-in?redirectTo=${encodeURIComponent(PATH)}`);
	return locals.actor;
}

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const locale = getLocale() === 'en' ? 'en' : 'sv';
	return { items: await findNotifications(event.locals.db, { actor, locale }), allRead: event.url.searchParams.has('alla-lasta') };
};

export const actions: Actions = {
	read: async (event) => {
		const actor = requireActor(event);
		const id = (await event.request.formData()).get('id');
		try {
			await markNotificationsRead(event.locals.db, { actor, id: typeof id === 'string' ? id : '' });
		} catch (e) {
			if (isAppError(e) && e.code === 'NOT_FOUND') error(404);
			throw e;
		}
		redirect(303, PATH);
	},
	readAll: async (event) => {
		const actor = requireActor(event);
		await markNotificationsRead(event.locals.db, { actor });
		redirect(303, `${PATH}?alla-lasta`);
	}
};
