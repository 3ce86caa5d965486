import { fail, redirect } from '@sveltejs/kit';
import { createSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { sessionCookieOptions } from '$lib/server/auth/cookie';
import { completeSignInWithCode } from '$lib/server/auth/two-factor/complete-sign-in-with-code';
import { PENDING_SIGN_IN_COOKIE } from '$lib/server/auth/two-factor/create-pending-sign-in';
import { env } from '$lib/server/env';
import { isAppError } from '$lib/server/errors';
import { safeRedirectTarget } from '$lib/server/http/redirect';
import type { Actions, PageServerLoad } from './$types';

/** The second step of signing in (decision 019): a code from the app, or a recovery code. */
export const load: PageServerLoad = ({ locals, url, cookies }) => {
	if (locals.actor) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	if (!cookies.get(PENDING_SIGN_IN_COOKIE)) redirect(303, '/logga-in');
	return {};
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, getClientAddress, url }) => {
		const data = await request.formData();
		const code = String(data.get('code') ?? '').slice(0, 100);
		let signedIn: { personId: string; method: string };
		try {
			signedIn = await completeSignInWithCode(locals.db, {
				token: cookies.get(PENDING_SIGN_IN_COOKIE) ?? '',
				code,
				ip: getClientAddress(),
				limits: { perAccountAndIp: env.LOGIN_LIMIT_ACCOUNT_IP, perAccount: env.LOGIN_LIMIT_ACCOUNT, perIp: env.LOGIN_LIMIT_IP }
			});
		} catch (e) {
			if (!isAppError(e)) throw e;
			const issues = e.issues.length ? e.issues : [{ field: 'code', message: 'twofactor_error_code' }];
			const expired = issues[0].message === 'twofactor_error_expired';
			if (expired) cookies.delete(PENDING_SIGN_IN_COOKIE, { path: '/' });
			// The code itself is not echoed back: a wrong one is no use, a right one is spent.
			return fail(e.code === 'RATE_LIMITED' ? 429 : 400, { issues, expired });
		}
		const session = await createSession(locals.db, { personId: signedIn.personId, method: signedIn.method, days: env.SESSION_DAYS });
		cookies.delete(PENDING_SIGN_IN_COOKIE, { path: '/' });
		cookies.set(SESSION_COOKIE, session.token, { ...sessionCookieOptions(), expires: session.expiresAt });
		redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	}
};
