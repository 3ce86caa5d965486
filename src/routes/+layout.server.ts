import { countUnreadNotifications } from '$lib/server/notifications/find-notifications';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, depends }) => {
	// Marking notifications read on /aviseringar invalidates this, so the bell's count follows.
	depends('app:notifications');
	return {
		actor: locals.actor ? { name: locals.actor.name } : null,
		unread: locals.actor ? await countUnreadNotifications(locals.db, locals.actor.personId) : 0
	};
};
