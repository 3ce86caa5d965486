import { can } from '$lib/server/policies';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import type { LayoutServerLoad } from './$types';

/** Which parts of the follow-up (issue 20) the viewer may open; each page still authorizes itself. */
export const load: LayoutServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event);
	const resource = { type: 'organizer' as const, organizerId: organizer.id };
	return {
		followupParts: {
			view: can(actor, 'followup.view', resource),
			surveys: can(actor, 'surveys.manage', resource) || can(actor, 'surveys.results', resource),
			reports: can(actor, 'followup.report_read', resource),
			configure: can(actor, 'followup.configure', resource)
		}
	};
};
