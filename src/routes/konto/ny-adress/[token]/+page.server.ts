import { fail, redirect } from '@sveltejs/kit';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { isAppError } from '$lib/server/errors';
import { confirmEmailChange, findUsableEmailChange } from '$lib/server/people/confirm-email-change';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	// The token is in the URL: keep it out of caches.
	setHeaders({ 'Cache-Control': 'no-store' });
	const change = await findUsableEmailChange(locals.db, params.token);
	return { newEmail: change?.newEmail ?? null };
};

export const actions: Actions = {
	// A button, not the link itself, makes the change: mail scanners that open links change nothing.
	default: async ({ locals, params, cookies }) => {
		try {
			await confirmEmailChange(locals.db, params.token);
		} catch (e) {
			if (isAppError(e) && (e.code === 'NOT_FOUND' || e.code === 'INVALID'))
				return fail(410, { unusable: true, taken: e.code === 'INVALID' });
			throw e;
		}
		// Every session of the person has ended; this browser forgets its cookie too.
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/logga-in?adress-bytt');
	}
};
