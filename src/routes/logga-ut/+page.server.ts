import { redirect } from '@sveltejs/kit';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { signOut } from '$lib/server/auth/sign-out';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		if (locals.sessionToken) await signOut(locals.db, { token: locals.sessionToken, actorId: locals.actor?.personId ?? null });
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/logga-in?utloggad');
	}
};
