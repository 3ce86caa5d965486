import { error, redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { getIdentityProvider } from '$lib/server/auth/sso/find-identity-providers';
import { saveIdentityProvider } from '$lib/server/auth/sso/save-identity-provider';
import { setIdentityProviderEnabled } from '$lib/server/auth/sso/set-identity-provider-enabled';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'sso.manage');
	const provider = await getIdentityProvider(event.locals.db, {
		actor,
		organizerId: organizer.id,
		providerId: event.params.providerId
	}).catch(throwHttp);
	if (!provider) error(404);
	return { provider, saved: event.url.searchParams.has('sparad') };
};

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'sso.manage');
		const values = formValues(await event.request.formData(), []);
		const { clientSecret, ...shown } = values;
		return runAction(
			async () => {
				await saveIdentityProvider(event.locals.db, {
					actor,
					organizerId: organizer.id,
					providerId: event.params.providerId,
					input: { ...shown, clientSecret }
				});
				redirect(303, `/${organizer.slug}/admin/inloggning/${event.params.providerId}?sparad`);
			},
			{ values: shown }
		);
	},
	enabled: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'sso.manage');
		const data = await event.request.formData();
		return runAction(async () => {
			await setIdentityProviderEnabled(event.locals.db, {
				actor,
				organizerId: organizer.id,
				providerId: event.params.providerId,
				enabled: data.get('enabled') === 'on'
			});
			redirect(303, `/${organizer.slug}/admin/inloggning/${event.params.providerId}?sparad`);
		});
	}
};
