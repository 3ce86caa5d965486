import { redirect } from '@sveltejs/kit';
import { sessionCookieOptions } from '$lib/server/auth/cookie';
import { createSession, deleteSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { finishOidcSignIn } from '$lib/server/auth/sso/finish-oidc-sign-in';
import { getEnabledOidcProvider } from '$lib/server/auth/sso/get-enabled-provider';
import { SSO_ATTEMPT_COOKIE, ssoFailurePage } from '$lib/server/auth/sso/sso-cookie';
import { SsoError } from '$lib/server/auth/sso/sso-failure';
import { env } from '$lib/server/env';
import type { RequestHandler } from './$types';

/** The provider sends the browser back here (the redirect URI, one per provider). */
export const GET: RequestHandler = async ({ locals, params, url, cookies }) => {
	const token = cookies.get(SSO_ATTEMPT_COOKIE);
	cookies.delete(SSO_ATTEMPT_COOKIE, { path: '/logga-in/sso' });
	let target: string;
	try {
		const done = await finishOidcSignIn(locals.db, { providerId: params.providerId, token, callbackUrl: url, origin: env.ORIGIN });
		if (locals.sessionToken) await deleteSession(locals.db, locals.sessionToken);
		const session = await createSession(locals.db, {
			personId: done.personId,
			method: `oidc:${params.providerId}`,
			days: env.SESSION_DAYS
		});
		cookies.set(SESSION_COOKIE, session.token, { ...sessionCookieOptions(), expires: session.expiresAt });
		target = done.redirectTo;
	} catch (e) {
		if (!(e instanceof SsoError)) throw e;
		const provider = await getEnabledOidcProvider(locals.db, params.providerId);
		target = ssoFailurePage(e.reason, provider?.organizerSlug ?? '');
	}
	redirect(303, target);
};
