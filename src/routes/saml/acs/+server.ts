import { redirect } from '@sveltejs/kit';
import { sessionCookieOptions } from '$lib/server/auth/cookie';
import { createSession, deleteSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { finishSamlSignIn } from '$lib/server/auth/sso/saml/finish-saml-sign-in';
import { SAML_ATTEMPT_COOKIE, samlAttemptCookieOptions } from '$lib/server/auth/sso/saml/saml-cookie';
import { getEnabledProvider } from '$lib/server/auth/sso/get-enabled-provider';
import { ssoFailurePage } from '$lib/server/auth/sso/sso-cookie';
import { SsoError } from '$lib/server/auth/sso/sso-failure';
import { env } from '$lib/server/env';
import type { RequestHandler } from './$types';

/**
 * The assertion consumer service (HTTP-POST binding, decision 054): every IdP posts SAMLResponse and RelayState (the
 * provider's id) here. The POST comes from the IdP's page, another origin: hooks.server.ts lets exactly this path
 * through the cross-site form check; the answer itself proves where it came from (signature, InResponseTo, cookie).
 */
export const POST: RequestHandler = async ({ locals, request, cookies }) => {
	const form = await request.formData().catch(() => null);
	const field = (name: string) => {
		const v = form?.get(name);
		return typeof v === 'string' ? v : null;
	};
	const relayState = field('RelayState');
	const token = cookies.get(SAML_ATTEMPT_COOKIE);
	cookies.delete(SAML_ATTEMPT_COOKIE, samlAttemptCookieOptions());
	let target: string;
	try {
		const done = await finishSamlSignIn(locals.db, { relayState, samlResponse: field('SAMLResponse'), token, origin: env.ORIGIN });
		if (locals.sessionToken) await deleteSession(locals.db, locals.sessionToken);
		const session = await createSession(locals.db, { personId: done.personId, method: `saml:${relayState}`, days: env.SESSION_DAYS });
		cookies.set(SESSION_COOKIE, session.token, { ...sessionCookieOptions(), expires: session.expiresAt });
		target = done.redirectTo;
	} catch (e) {
		if (!(e instanceof SsoError)) throw e;
		const provider = relayState ? await getEnabledProvider(locals.db, relayState, 'saml') : null;
		target = ssoFailurePage(e.reason, provider?.organizerSlug ?? '');
	}
	redirect(303, target);
};
