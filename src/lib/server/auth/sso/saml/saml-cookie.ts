import { env } from '../../../env';

/** The cookie that ties an IdP's answer to the browser that asked (decision 054). */
export const SAML_ATTEMPT_COOKIE = 'rodtrad_saml';

/**
 * The attempt cookie: HttpOnly, path /saml (only the ACS reads it), ten minutes. The IdP's answer arrives as a
 * cross-site POST, which a SameSite=Lax cookie does not ride along with; over HTTPS it is therefore SameSite=None
 * (and Secure). Over plain http (a developer's machine, the tests on one host) browsers refuse None without Secure,
 * and the IdP and the app are the same site anyway, so Lax.
 */
export function samlAttemptCookieOptions() {
	const secure = env.ORIGIN.startsWith('https:');
	return { path: '/saml', httpOnly: true, secure, sameSite: secure ? ('none' as const) : ('lax' as const) };
}
