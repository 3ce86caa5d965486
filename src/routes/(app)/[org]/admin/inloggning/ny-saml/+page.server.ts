import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { runAction } from '$lib/server/http/errors';
import { saveSamlProvider } from '$lib/server/auth/sso/saml/save-saml-provider';
import { samlFormInput } from '$lib/server/auth/sso/saml/saml-form-input';
import { spEntityId } from '$lib/server/auth/sso/saml/saml-client';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireOrganizer(event, 'sso.manage');
	return { spMetadataUrl: spEntityId() };
};

export const actions: Actions = {
	create: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'sso.manage');
		const { input, shown } = await samlFormInput(await event.request.formData());
		return runAction(
			async () => {
				const row = await saveSamlProvider(event.locals.db, { actor, organizerId: organizer.id, input });
				redirect(303, `/${organizer.slug}/admin/inloggning/${row.id}?sparad`);
			},
			{ values: shown }
		);
	}
};
