import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { getCommonFramework } from '$lib/server/planning/vision/get-common-framework';
import { PAYERS } from '$lib/server/planning/vision/financing';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const framework = await getCommonFramework(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	return { framework, payers: PAYERS, saved: event.url.searchParams.has('sparat') };
};
