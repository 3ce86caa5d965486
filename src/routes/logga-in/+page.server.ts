import { fail, redirect } from '@sveltejs/kit';
import { signInWithPassword } from '$lib/server/auth/sign-in';
import { createSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { sessionCookieOptions } from '$lib/server/auth/cookie';
import { env } from '$lib/server/env';
import { isAppError } from '$lib/server/errors';
import { formValues } from '$lib/server/http/errors';
import { safeRedirectTarget } from '$lib/server/http/redirect';
import { createPendingSignIn, PENDING_SIGN_IN_COOKIE } from '$lib/server/auth/two-factor/create-pending-sign-in';
import { findSignInOptions } from '$lib/server/auth/sso/find-identity-providers';
import { providerSignOutLink } from '$lib/server/auth/sso/provider-sign-out';
import { isSsoFailure } from '$lib/server/auth/sso/sso-failure';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	// The organizer's own ways in (decision 050): /logga-in?org=<slug>, typed in the field or linked from the intranet.
	const org = url.searchParams.get('org')?.trim() ?? '';
	const organizer = org ? await findSignInOptions(locals.db, org) : null;
	// Signed in already: onwards — unless that organizer requires its own sign-in, which this session did not use.
	const ownSignInNeeded = !!organizer && !!locals.barredOrganizerIds?.includes(organizer.id);
	if (locals.actor && !ownSignInNeeded) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	const failure = url.searchParams.get('sso-fel');
	const idp = url.searchParams.get('idp');
	return {
		signedOut: url.searchParams.has('utloggad'),
		reset: url.searchParams.has('aterstallt'),
		emailChanged: url.searchParams.has('adress-bytt'),
		org,
		organizer,
		ownSignInNeeded,
		ssoFailure: isSsoFailure(failure) ? failure : null,
		providerSignOut: idp ? await providerSignOutLink(locals.db, idp) : null,
		redirectTo: safeRedirectTarget(url.searchParams.get('redirectTo'))
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
			const message = e.code === 'RATE_LIMITED' ? 'signin_rate_limited' : (e.issues[0]?.message ?? 'signin_failed');
			return fail(e.code === 'RATE_LIMITED' ? 429 : 400, { values, issues: [{ field: 'email', message }] });
		}
		if (secondStep) redirect(303, redirectTo === '/' ? '/logga-in/kod' : `/logga-in/kod?redirectTo=${encodeURIComponent(redirectTo)}`);
		redirect(303, redirectTo);
	}
};
