import type { SsoFailure } from './sso-failure';

/** The cookie that ties a provider's answer to the browser that began the sign-in (path /logga-in/sso, 10 minutes). */
export const SSO_ATTEMPT_COOKIE = 'rodtrad_sso';

/** The sign-in page with the reason a single sign-on failed, for the organizer when it is known. */
export function ssoFailurePage(reason: SsoFailure, orgSlug: string): string {
	const q = new URLSearchParams();
	if (/^[a-z0-9-]{1,100}$/.test(orgSlug)) q.set('org', orgSlug);
	q.set('sso-fel', reason);
	return `/logga-in?${q}`;
}
