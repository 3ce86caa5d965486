import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { runAction } from '$lib/server/http/errors';
import { isTwoFactorRequiredByOrganizer } from '$lib/server/auth/two-factor/two-factor-requirement';
import { updateOrganizerTwoFactorRequirement } from '$lib/server/auth/two-factor/update-two-factor-requirement';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { organizer } = await requireOrganizer(event, 'organizer.administer');
	return {
		requireTwoFactorForAdmins: await isTwoFactorRequiredByOrganizer(event.locals.db, organizer.id),
		saved: event.url.searchParams.has('sparad')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'organizer.administer');
		const data = await event.request.formData();
		return runAction(async () => {
			await updateOrganizerTwoFactorRequirement(event.locals.db, {
				actor,
				organizerId: organizer.id,
				required: data.get('requireTwoFactorForAdmins') === 'on'
			});
			redirect(303, `/${organizer.slug}/admin/sakerhet?sparad`);
		});
	}
};
