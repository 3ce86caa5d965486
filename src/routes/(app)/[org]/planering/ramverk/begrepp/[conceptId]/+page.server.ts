import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, throwHttp, runAction } from '$lib/server/http/errors';
import { defineConcept } from '$lib/server/planning/vision/define-concept';
import { loadConceptForm } from '$lib/server/planning/vision/load-concept-form';
import { removeConcept } from '$lib/server/planning/vision/remove-concept';
import { renameConcept } from '$lib/server/planning/vision/rename-concept';
import { unconfirmedRemoval } from '$lib/server/http/confirm-removal';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	return loadConceptForm(event.locals.db, { actor, organizerId: organizer.id, conceptId: event.params.conceptId }).catch(throwHttp);
};

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		const values = formValues(await event.request.formData());
		const conceptId = event.params.conceptId === 'ny' ? undefined : event.params.conceptId;
		return runAction(
			async () => {
				await defineConcept(event.locals.db, { actor, organizerId: organizer.id, conceptId, input: values });
				redirect(303, `/${organizer.slug}/planering/ramverk?sparat`);
			},
			{ values }
		);
	},
	rename: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		const values = { name: String((await event.request.formData()).get('name') ?? '') };
		return runAction(
			async () => {
				await renameConcept(event.locals.db, { actor, organizerId: organizer.id, conceptId: event.params.conceptId, input: values });
				redirect(303, `/${organizer.slug}/planering/ramverk?sparat`);
			},
			{ values }
		);
	},
	remove: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		const refused = unconfirmedRemoval(await event.request.formData());
		if (refused) return refused;
		return runAction(async () => {
			await removeConcept(event.locals.db, { actor, organizerId: organizer.id, conceptId: event.params.conceptId });
			redirect(303, `/${organizer.slug}/planering/ramverk?sparat`);
		});
	}
};
