import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { runAction } from '$lib/server/http/errors';
import { createApiToken } from '$lib/server/integrations/api/tokens/create-api-token';
import { revokeApiToken } from '$lib/server/integrations/api/tokens/revoke-api-token';
import { findOrganizerApiTokens } from '$lib/server/integrations/api/tokens/find-api-tokens';
import { tokenFormInput } from '$lib/server/integrations/api/tokens/token-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'api.organizer_tokens');
	return {
		tokens: await findOrganizerApiTokens(event.locals.db, { actor, organizerId: organizer.id }),
		revoked: event.url.searchParams.has('aterkallad')
	};
};

export const actions: Actions = {
	/** Answers with the secret instead of a redirect: this response is the only time it is shown. */
	create: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'api.organizer_tokens');
		const input = tokenFormInput(await event.request.formData());
		return runAction(
			async () => {
				const { secret } = await createApiToken(event.locals.db, { actor, organizerId: organizer.id, kind: 'organizer', input });
				return { secret };
			},
			{ values: input }
		);
	},
	revoke: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'api.organizer_tokens');
		const data = await event.request.formData();
		return runAction(async () => {
			await revokeApiToken(event.locals.db, { actor, tokenId: String(data.get('tokenId') ?? ''), organizerId: organizer.id });
			redirect(303, `/${organizer.slug}/admin/api?aterkallad`);
		});
	}
};
