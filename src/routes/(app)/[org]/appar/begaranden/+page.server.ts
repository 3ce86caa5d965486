import { requireApps } from '$lib/server/http/require-apps';
import { throwHttp } from '$lib/server/http/errors';
import { findAppRequests } from '$lib/server/apps/requests/find-app-requests';
import type { PageServerLoad } from './$types';

/** The requests for new tools against the 5-working-day target, with the follow-up figure. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireApps(event, 'apps.register');
	return findAppRequests(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
};
