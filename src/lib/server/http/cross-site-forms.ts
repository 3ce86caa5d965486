import type { Handle } from '@sveltejs/kit/hooks';

/**
 * The one path another site's form may post to: the SAML assertion consumer service, where every IdP's page posts
 * its signed answer (decision 054). Its own checks (signature, InResponseTo of this browser's attempt) stand in for
 * the origin check.
 */
export const CROSS_SITE_FORM_PATHS = new Set(['/saml/acs']);

/**
 * Server-to-server endpoints under this prefix take posts of any content type from anywhere: an SS 12000 server's
 * notifications (decision 051 addendum) carry their key in the address, use no session and are never read.
 */
const CROSS_SITE_PREFIX = '/api/ss12000/notifications/';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether a request is a form post from another origin that must be refused (SvelteKit's own rule, one exception). */
export function isForbiddenCrossSiteForm(request: Request, url: URL): boolean {
	if (!MUTATING.has(request.method) || CROSS_SITE_FORM_PATHS.has(url.pathname) || url.pathname.startsWith(CROSS_SITE_PREFIX)) return false;
	const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? '';
	if (type && !FORM_TYPES.includes(type)) return false;
	return request.headers.get('origin') !== url.origin;
}

/**
 * SvelteKit's cross-site form check, done here instead of by SvelteKit (its `csrf.trustedOrigins` is ['*'] in
 * vite.config.ts) so that exactly the SAML ACS path can accept the IdP's cross-site POST; every other path is refused
 * as SvelteKit would refuse it (403). An allow-list of origins would not do: IdPs are configured per organizer.
 */
export const handleCrossSiteForms: Handle = ({ event, resolve }) => {
	if (isForbiddenCrossSiteForm(event.request, event.url)) {
		const message = `Cross-site ${event.request.method} form submissions are forbidden`;
		return event.request.headers.get('accept') === 'application/json'
			? Response.json({ message }, { status: 403 })
			: new Response(message, { status: 403, headers: { 'content-type': 'text/plain' } });
	}
	return resolve(event);
};
