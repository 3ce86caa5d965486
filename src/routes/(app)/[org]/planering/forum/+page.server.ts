import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { findForums } from '$lib/server/planning/forums/find-forums';
import { loadPlanScopes } from '$lib/server/planning/plan-scopes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const [forums, scopes] = await Promise.all([
		findForums(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp),
		loadPlanScopes(event.locals.db, actor, organizer.id)
	]);
	return { forums, canCreate: scopes.some((s) => s.canWrite) };
};
