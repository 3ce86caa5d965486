import { redirect } from '@sveltejs/kit';
import { startSamlSignIn } from '$lib/server/auth/sso/saml/start-saml-sign-in';
import { SAML_ATTEMPT_COOKIE, samlAttemptCookieOptions } from '$lib/server/auth/sso/saml/saml-cookie';
import { ssoFailurePage } from '$lib/server/auth/sso/sso-cookie';
import { SsoError } from '$lib/server/auth/sso/sso-failure';
import { env } from '$lib/server/env';
import type { RequestHandler } from './$types';

/**
 * The sign-in page's link for a SAML provider: makes the AuthnRequest and sends the browser to the IdP (HTTP-Redirect
 * binding). A link, not a form, for the same reason as OIDC's (form-action 'self' in the CSP).
 */
export const GET: RequestHandler = async ({ locals, params, url, cookies }) => {
	let target: string;
	let external = false;
	try {
		const started = await startSamlSignIn(locals.db, {
			providerId: params.providerId,
			redirectTo: url.searchParams.get('redirectTo'),
			origin: env.ORIGIN
		});
		cookies.set(SAML_ATTEMPT_COOKIE, started.token, { ...samlAttemptCookieOptions(), expires: started.expiresAt });
		target = started.url;
		external = true;
	} catch (e) {
		if (!(e instanceof SsoError)) throw e;
		target = ssoFailurePage(e.reason, url.searchParams.get('org') ?? '');
	}
	redirect(303, target, { external });
};
