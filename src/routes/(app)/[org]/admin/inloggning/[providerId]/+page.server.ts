import { error, redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { getIdentityProvider } from '$lib/server/auth/sso/find-identity-providers';
import { saveIdentityProvider } from '$lib/server/auth/sso/save-identity-provider';
import { setIdentityProviderEnabled } from '$lib/server/auth/sso/set-identity-provider-enabled';
import { saveSamlProvider } from '$lib/server/auth/sso/saml/save-saml-provider';
import { refreshSamlMetadata } from '$lib/server/auth/sso/saml/refresh-saml-metadata';
import { samlFormInput } from '$lib/server/auth/sso/saml/saml-form-input';
import { spEntityId } from '$lib/server/auth/sso/saml/saml-client';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'sso.manage');
	const provider = await getIdentityProvider(event.locals.db, {
		actor,
		organizerId: organizer.id,
		providerId: event.params.providerId
	}).catch(throwHttp);
	if (!provider) error(404);
	return {
		provider,
		spMetadataUrl: spEntityId(),
		saved: event.url.searchParams.has('sparad'),
		refreshed: event.url.searchParams.has('hamtad')
	};
};

/** The provider the form is about (its protocol decides which form it is), or 404. */
async function providerOf(event: RequestEvent) {
	const { actor, organizer } = await requireOrganizer(event, 'sso.manage');
	const provider = await getIdentityProvider(event.locals.db, {
		actor,
		organizerId: organizer.id,
		providerId: event.params.providerId
	}).catch(throwHttp);
	if (!provider) error(404);
	return { actor, organizer, provider };
}

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer, provider } = await providerOf(event);
		const back = `/${organizer.slug}/admin/inloggning/${provider.id}?sparad`;
		if (provider.protocol === 'saml') {
			const { input, shown } = await samlFormInput(await event.request.formData());
			return runAction(
				async () => {
					await saveSamlProvider(event.locals.db, { actor, organizerId: organizer.id, providerId: provider.id, input });
					redirect(303, back);
				},
				{ values: shown }
			);
		}
		const values = formValues(await event.request.formData(), []);
		const { clientSecret, ...shown } = values;
		return runAction(
			async () => {
				await saveIdentityProvider(event.locals.db, {
					actor,
					organizerId: organizer.id,
					providerId: provider.id,
					input: { ...shown, clientSecret }
				});
				redirect(303, back);
			},
			{ values: shown }
		);
	},
	refresh: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'sso.manage');
		return runAction(
			async () => {
				await refreshSamlMetadata(event.locals.db, { actor, organizerId: organizer.id, providerId: event.params.providerId });
				redirect(303, `/${organizer.slug}/admin/inloggning/${event.params.providerId}?hamtad`);
			},
			{ data: { action: 'refresh' } }
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
