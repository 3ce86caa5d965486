import { requireApps } from '$lib/server/http/require-apps';
import { throwHttp } from '$lib/server/http/errors';
import { findRegister, isRegisterFilter, REGISTER_FILTERS } from '$lib/server/apps/find-register';
import type { PageServerLoad } from './$types';

/** The whole register with each tool's standing and agreement, filtered. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireApps(event, 'apps.register');
	const asked = event.url.searchParams.get('visa') ?? 'all';
	const filter = isRegisterFilter(asked) ? asked : 'all';
	const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 200);
	const register = await findRegister(event.locals.db, { actor, organizerId: organizer.id, filter, q }).catch(throwHttp);
	return { filter, filters: REGISTER_FILTERS, q, ...register };
};
