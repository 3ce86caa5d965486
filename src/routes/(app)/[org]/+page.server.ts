import { findVisibleUnits } from '$lib/server/org/find-visible-units';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event);
	const units = await findVisibleUnits(event.locals.db, actor, organizer.id);
	const roles = [...new Set(actor.assignments.filter((a) => a.organizerId === organizer.id).map((a) => a.role))];
	return { units, roles };
};
