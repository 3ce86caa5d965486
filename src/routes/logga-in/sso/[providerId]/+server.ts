import { redirect } from '@sveltejs/kit';
import { sessionCookieOptions } from '$lib/server/auth/cookie';
import { startOidcSignIn } from '$lib/server/auth/sso/start-oidc-sign-in';
import { SSO_ATTEMPT_COOKIE, ssoFailurePage } from '$lib/server/auth/sso/sso-cookie';
import { SsoError } from '$lib/server/auth/sso/sso-failure';
import { env } from '$lib/server/env';
import type { RequestHandler } from './$types';

/**
 * The sign-in page's link for a provider: begins the sign-in and sends the browser to the provider. A link, not a
 * form: the site's Content-Security-Policy (form-action 'self') would stop a form's redirect to another origin.
 */
export const GET: RequestHandler = async ({ locals, params, url, cookies }) => {
	let target: string;
	let external = false;
	try {
		const started = await startOidcSignIn(locals.db, {
			providerId: params.providerId,
			redirectTo: url.searchParams.get('redirectTo'),
			origin: env.ORIGIN
		});
		cookies.set(SSO_ATTEMPT_COOKIE, started.token, { ...sessionCookieOptions(), path: '/logga-in/sso', expires: started.expiresAt });
		target = started.url;
		external = true;
	} catch (e) {
		if (!(e instanceof SsoError)) throw e;
		target = ssoFailurePage(e.reason, url.searchParams.get('org') ?? '');
	}
	// The provider's authorization endpoint, from its discovery document: the one external redirect we make.
	redirect(303, target, { external });
};
