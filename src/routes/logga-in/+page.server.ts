import { fail, redirect } from '@sveltejs/kit';
import { signInWithPassword } from '$lib/server/auth/sign-in';
import { createSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { sessionCookieOptions } from '$lib/server/auth/cookie';
import { env } from '$lib/server/env';
import { isAppError } from '$lib/server/errors';
import { formValues } from '$lib/server/http/errors';
import { safeRedirectTarget } from '$lib/server/http/redirect';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.actor) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	return { signedOut: url.searchParams.has('utloggad'), reset: url.searchParams.has('aterstallt'), emailChanged: url.searchParams.has('adress-bytt') };
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, getClientAddress, url }) => {
		const data = await request.formData();
		const values = formValues(data);
		const email = String(data.get('email') ?? '');
		const password = String(data.get('password') ?? '');
		try {
			const { personId } = await signInWithPassword(locals.db, {
				email,
				password,
				ip: getClientAddress(),
				limits: { perAccountAndIp: env.LOGIN_LIMIT_ACCOUNT_IP, perAccount: env.LOGIN_LIMIT_ACCOUNT, perIp: env.LOGIN_LIMIT_IP }
			});
			const session = await createSession(locals.db, { personId, method: 'password', days: env.SESSION_DAYS });
			cookies.set(SESSION_COOKIE, session.token, { ...sessionCookieOptions(), expires: session.expiresAt });
		} catch (e) {
			if (!isAppError(e)) throw e;
			const message = e.code === 'RATE_LIMITED' ? 'signin_rate_limited' : 'signin_failed';
			return fail(e.code === 'RATE_LIMITED' ? 429 : 400, { values, issues: [{ field: 'email', message }] });
		}
		redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	}
};
