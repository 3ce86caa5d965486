import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { runAction } from '$lib/server/http/errors';
import { createApiToken } from '$lib/server/integrations/api/tokens/create-api-token';
import { revokeApiToken } from '$lib/server/integrations/api/tokens/revoke-api-token';
import { findPersonalApiTokens } from '$lib/server/integrations/api/tokens/find-api-tokens';
import { findTokenOrganizers } from '$lib/server/integrations/api/tokens/token-organizers';
import { tokenFormInput } from '$lib/server/integrations/api/tokens/token-form';
import type { Actions, PageServerLoad } from './$types';

const PATH = '/konto/api-nycklar';

function requireActor({ locals }: Pick<RequestEvent, 'locals'>) {
	if (!locals.actor) redirect(303, `/logga-in?redirectTo=${encodeURIComponent(PATH)}`);
	return locals.actor;
}

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const [tokens, organizers] = await Promise.all([
		findPersonalApiTokens(event.locals.db, actor),
		findTokenOrganizers(event.locals.db, actor)
	]);
	return { tokens, organizers, revoked: event.url.searchParams.has('aterkallad') };
};

export const actions: Actions = {
	/** Answers with the secret instead of a redirect: this response is the only time it is shown. */
	create: async (event) => {
		const actor = requireActor(event);
		const data = await event.request.formData();
		const input = tokenFormInput(data);
		const organizerId = String(data.get('organizerId') ?? '');
		const values = { ...input, organizerId };
		const organizers = await findTokenOrganizers(event.locals.db, actor);
		if (!organizers.some((o) => o.id === organizerId)) {
			return fail(400, { values, issues: [{ field: 'organizerId', message: 'api_error_choose_organizer' }] });
		}
		return runAction(
			async () => {
				const { secret } = await createApiToken(event.locals.db, { actor, organizerId, kind: 'personal', input });
				return { secret };
			},
			{ values }
		);
	},
	revoke: async (event) => {
		const actor = requireActor(event);
		const data = await event.request.formData();
		return runAction(async () => {
			await revokeApiToken(event.locals.db, { actor, tokenId: String(data.get('tokenId') ?? '') });
			redirect(303, `${PATH}?aterkallad`);
		});
	}
};
