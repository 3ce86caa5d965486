import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { runAction, throwHttp } from '$lib/server/http/errors';
import { loadCycleGroupForm } from '$lib/server/planning/cycles/load-cycle-group-form';
import { updateCycleGroup } from '$lib/server/planning/cycles/update-cycle-group';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	return loadCycleGroupForm(event.locals.db, { actor, organizerId: organizer.id, cycleId: event.params.cycleId }).catch(throwHttp);
};

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		const memberIds = (await event.request.formData()).getAll('memberIds').map(String);
		return runAction(
			async () => {
				await updateCycleGroup(event.locals.db, { actor, organizerId: organizer.id, cycleId: event.params.cycleId, memberIds });
				redirect(303, `/${organizer.slug}/planering/cykler/${event.params.cycleId}?grupp`);
			},
			{ values: { memberIds } }
		);
	}
};
