import { requireOrganizer } from '$lib/server/http/require-organizer';
import type { PageServerLoad } from './$types';

/** The confirmation after "Det här löste det": nothing was filed. */
export const load: PageServerLoad = async (event) => {
	await requireOrganizer(event);
	return {};
};
