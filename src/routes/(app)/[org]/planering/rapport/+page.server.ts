import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { getLocale } from '$lib/paraglide/runtime';
import { buildPlanReport } from '$lib/server/planning/build-plan-report';
import { isPeriod, periodOf } from '$lib/server/planning/period';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const asked = event.url.searchParams.get('period') ?? '';
	const period = isPeriod(asked) ? asked : periodOf();
	const report = await buildPlanReport(event.locals.db, { actor, organizerId: organizer.id, period, locale: getLocale() }).catch(throwHttp);
	return { report };
};
