import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction } from '$lib/server/http/errors';
import { saveIdentityProvider } from '$lib/server/auth/sso/save-identity-provider';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireOrganizer(event, 'sso.manage');
	return {};
};

export const actions: Actions = {
	create: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'sso.manage');
		// The secret is never sent back, not even to the form that failed.
		const values = formValues(await event.request.formData(), []);
		const { clientSecret, ...shown } = values;
		return runAction(
			async () => {
				const row = await saveIdentityProvider(event.locals.db, {
					actor,
					organizerId: organizer.id,
					input: { ...shown, clientSecret }
				});
				redirect(303, `/${organizer.slug}/admin/inloggning/${row.id}?sparad`);
			},
			{ values: shown }
		);
	}
};
