import { redirect } from '@sveltejs/kit';
import { sessionCookieOptions } from '$lib/server/auth/cookie';
import { startOidcSignIn } from '$lib/server/auth/sso/start-oidc-sign-in';
import { SSO_ATTEMPT_COOKIE, ssoFailurePage } from '$lib/server/auth/sso/sso-cookie';
import { SsoError } from '$lib/server/auth/sso/sso-failure';
import { env } from '$lib/server/env';
import type { RequestHandler } from './$types';

/** The sign-in page's button: begins the sign-in and sends the browser to the provider. */
export const POST: RequestHandler = async ({ locals, params, request, cookies }) => {
	const data = await request.formData();
	let target: string;
	try {
		const started = await startOidcSignIn(locals.db, {
			providerId: params.providerId,
			redirectTo: String(data.get('redirectTo') ?? ''),
			origin: env.ORIGIN
		});
		cookies.set(SSO_ATTEMPT_COOKIE, started.token, { ...sessionCookieOptions(), path: '/logga-in/sso', expires: started.expiresAt });
		target = started.url;
	} catch (e) {
		if (!(e instanceof SsoError)) throw e;
		target = ssoFailurePage(e.reason, String(data.get('org') ?? ''));
	}
	redirect(303, target);
};

/** A start address opened directly (a bookmark, a link): to the sign-in page, where the button is. */
export const GET: RequestHandler = () => redirect(303, '/logga-in');
