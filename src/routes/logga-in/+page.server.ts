import { fail, redirect } from '@sveltejs/kit';
import { signInWithPassword } from '$lib/server/auth/sign-in';
import { createSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { sessionCookieOptions } from '$lib/server/auth/cookie';
import { env } from '$lib/server/env';
import { isAppError } from '$lib/server/errors';
import { formValues } from '$lib/server/http/errors';
import { safeRedirectTarget } from '$lib/server/http/redirect';
import { createPendingSignIn, PENDING_SIGN_IN_COOKIE } from '$lib/server/auth/two-factor/create-pending-sign-in';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.actor) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	return {
		signedOut: url.searchParams.has('utloggad'),
		reset: url.searchParams.has('aterstallt'),
		emailChanged: url.searchParams.has('adress-bytt')
	};
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, getClientAddress, url }) => {
		const data = await request.formData();
		const values = formValues(data);
		const email = String(data.get('email') ?? '');
		const password = String(data.get('password') ?? '');
		const redirectTo = safeRedirectTarget(url.searchParams.get('redirectTo'));
		let secondStep: boolean;
		try {
			const result = await signInWithPassword(locals.db, {
				email,
				password,
				ip: getClientAddress(),
				limits: { perAccountAndIp: env.LOGIN_LIMIT_ACCOUNT_IP, perAccount: env.LOGIN_LIMIT_ACCOUNT, perIp: env.LOGIN_LIMIT_IP }
			});
			secondStep = result.secondStep;
			if (secondStep) {
				// Two-step verification (decision 019): no session until the code is right.
				const pending = await createPendingSignIn(locals.db, result.personId);
				cookies.set(PENDING_SIGN_IN_COOKIE, pending.token, { ...sessionCookieOptions(), expires: pending.expiresAt });
			} else {
				const session = await createSession(locals.db, { personId: result.personId, method: 'password', days: env.SESSION_DAYS });
				cookies.set(SESSION_COOKIE, session.token, { ...sessionCookieOptions(), expires: session.expiresAt });
			}
		} catch (e) {
			if (!isAppError(e)) throw e;
			const message = e.code === 'RATE_LIMITED' ? 'signin_rate_limited' : 'signin_failed';
			return fail(e.code === 'RATE_LIMITED' ? 429 : 400, { values, issues: [{ field: 'email', message }] });
		}
		if (secondStep) redirect(303, redirectTo === '/' ? '/logga-in/kod' : `/logga-in/kod?redirectTo=${encodeURIComponent(redirectTo)}`);
		redirect(303, redirectTo);
	}
};
