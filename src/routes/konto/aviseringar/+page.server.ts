import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { isAppError } from '$lib/server/errors';
import { NOTIFICATION_KINDS } from '$lib/server/notifications/kinds';
import { getNotificationPreferences, saveNotificationPreferences } from '$lib/server/notifications/notification-preferences';
import { kindLabel } from '$lib/server/notifications/notification-text';
import type { Actions, PageServerLoad } from './$types';

const PATH = '/konto/aviseringar';

function requireActor({ locals }: Pick<RequestEvent, 'locals'>) {
	if (!locals.actor) redirect(303, `/logga-in?redirectTo=${encodeURIComponent(PATH)}`);
	return locals.actor;
}

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const prefs = await getNotificationPreferences(event.locals.db, { actor });
	// Each kind's label comes from the one place that names the kinds (it also names them in digests).
	return { prefs: prefs.map((p) => ({ ...p, label: kindLabel(p.kind) })), saved: event.url.searchParams.has('sparat') };
};

export const actions: Actions = {
	save: async (event) => {
		const actor = requireActor(event);
		const data = await event.request.formData();
		const input = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, data.get(k)]));
		try {
			await saveNotificationPreferences(event.locals.db, { actor, input });
		} catch (e) {
			if (!isAppError(e) || e.code !== 'INVALID') throw e;
			const values = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
			return fail(400, { values, issues: e.issues });
		}
		redirect(303, `${PATH}?sparat`);
	}
};
