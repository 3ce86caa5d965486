import { redirect } from '@sveltejs/kit';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { signOut } from '$lib/server/auth/sign-out';
import { sessionProviderId } from '$lib/server/auth/sso/provider-sign-out';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		// A session begun at a provider: the sign-in page then offers to sign out there too (decision 050).
		const providerId = locals.sessionToken ? await sessionProviderId(locals.db, locals.sessionToken) : null;
		if (locals.sessionToken) await signOut(locals.db, { token: locals.sessionToken, actorId: locals.actor?.personId ?? null });
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, providerId ? `/logga-in?utloggad&idp=${providerId}` : '/logga-in?utloggad');
	}
};
