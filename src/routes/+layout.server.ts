import { countUnreadNotifications } from '$lib/server/notifications/find-notifications';
import { countMySurveys } from '$lib/server/followup/surveys/find-my-surveys';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, depends }) => {
	// Marking notifications read on /aviseringar invalidates this, so the bell's count follows.
	depends('app:notifications');
	return {
		actor: locals.actor ? { name: locals.actor.name } : null,
		// Read with the session on a GET (hooks.server.ts); counted here after a form action, which may have changed it.
		unread: locals.actor ? (locals.unreadNotifications ?? (await countUnreadNotifications(locals.db, locals.actor.personId))) : 0,
		// Open surveys waiting for the signed-in person ("Mina enkäter"): a hint in the header while there are any; read
		// with the session on a GET like the bell's count.
		surveysWaiting: locals.actor ? (locals.surveysWaiting ?? (await countMySurveys(locals.db, locals.actor.personId))) : 0
	};
};
