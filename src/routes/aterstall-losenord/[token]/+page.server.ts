import { fail, redirect } from '@sveltejs/kit';
import { findUsablePasswordReset } from '$lib/server/auth/find-password-reset';
import { resetPassword } from '$lib/server/auth/reset-password';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { isAppError } from '$lib/server/errors';
import { runAction } from '$lib/server/http/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	// The token is in the URL: keep it out of caches and of links' Referer (same-origin policy already).
	setHeaders({ 'Cache-Control': 'no-store' });
	return { usable: (await findUsablePasswordReset(locals.db, params.token)) !== null };
};

export const actions: Actions = {
	default: async ({ request, locals, params, cookies }) => {
		const data = await request.formData();
		return runAction(
			async () => {
				const { personId } = await resetPassword(locals.db, {
					token: params.token,
					newPassword: String(data.get('newPassword') ?? ''),
					newPasswordRepeat: String(data.get('newPasswordRepeat') ?? '')
				});
				// Every session of the person has ended, this browser's too if it was theirs.
				if (locals.actor?.personId === personId) cookies.delete(SESSION_COOKIE, { path: '/' });
				redirect(303, '/logga-in?aterstallt');
			},
			{
				field: 'newPassword',
				recover: (e) => (isAppError(e) && e.code === 'NOT_FOUND' ? fail(410, { unusable: true, values: {}, issues: [] }) : undefined)
			}
		);
	}
};
