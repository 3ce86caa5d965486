import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction } from '$lib/server/http/errors';
import { saveCycleAnalysis } from '$lib/server/planning/cycles/save-cycle-analysis';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({ saved: event.url.searchParams.has('sparat') });

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await saveCycleAnalysis(event.locals.db, { actor, organizerId: organizer.id, cycleId: event.params.cycleId, input: values });
				redirect(303, `/${organizer.slug}/planering/cykler/${event.params.cycleId}/analysera?sparat`);
			},
			{ values }
		);
	}
};
