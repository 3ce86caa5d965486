import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { findChains } from '$lib/server/planning/effects/find-chains';
import { loadPlanScopes } from '$lib/server/planning/plan-scopes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const scopes = await loadPlanScopes(event.locals.db, actor, organizer.id);
	const chains = await findChains(event.locals.db, { actor, organizerId: organizer.id, scopes }).catch(throwHttp);
	return {
		chains: chains.map(({ id, title, unitName, effect, results, indicators }) => ({ id, title, unitName, effect, results, indicators })),
		canWriteAny: scopes.some((s) => s.canWrite)
	};
};
