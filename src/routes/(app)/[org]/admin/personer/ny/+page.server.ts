import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction } from '$lib/server/http/errors';
import { createPerson } from '$lib/server/people/create-person';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireOrganizer(event, 'person.manage');
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'person.manage');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				const added = await createPerson(event.locals.db, { actor, organizerId: organizer.id, input: values });
				// An existing person elsewhere gets an invitation (decision 018): back to the list, which shows it.
				const target = added.invited
					? `/${organizer.slug}/admin/personer?klart=inbjuden`
					: `/${organizer.slug}/admin/personer/${added.person.id}?klart=skapad`;
				redirect(303, target);
			},
			{ values }
		);
	}
};
