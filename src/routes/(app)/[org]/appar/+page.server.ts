import { requireApps } from '$lib/server/http/require-apps';
import { throwHttp } from '$lib/server/http/errors';
import { findWhitelist } from '$lib/server/apps/find-whitelist';
import { can } from '$lib/server/policies';
import type { PageServerLoad } from './$types';

/** "Får jag använda …?": the decided tools, searched by name. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireApps(event, 'apps.whitelist');
	const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 200);
	const entries = await findWhitelist(event.locals.db, { actor, organizerId: organizer.id, q }).catch(throwHttp);
	return {
		q,
		entries,
		canReadRegister: can(actor, 'apps.register', { type: 'apps', organizerId: organizer.id }),
		canRequest: can(actor, 'apps.request', { type: 'apps', organizerId: organizer.id })
	};
};
