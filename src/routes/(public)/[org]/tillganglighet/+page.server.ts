import { throwHttp } from '$lib/server/http/errors';
import { getOrganizerBySlug } from '$lib/server/org/get-organizer';
import { getAccessibilityStatement } from '$lib/server/accessibility/get-accessibility-statement';
import { presentAccessibilityStatement } from '$lib/server/accessibility/present-accessibility-statement';
import type { PageServerLoad } from './$types';

/** Public by law: no sign-in. An unknown organizer is a 404. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const organizer = await getOrganizerBySlug(locals.db, params.org).catch(throwHttp);
	const row = await getAccessibilityStatement(locals.db, { organizerId: organizer.id });
	return { organizer: { name: organizer.name, slug: organizer.slug }, statement: presentAccessibilityStatement(row) };
};
