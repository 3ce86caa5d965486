// Covers: isForbiddenCrossSiteForm.
import { describe, expect, it } from 'vitest';
import { isForbiddenCrossSiteForm } from './cross-site-forms';

const post = (path: string, origin: string | null, type = 'application/x-www-form-urlencoded') =>
	isForbiddenCrossSiteForm(
		new Request(`https://rodtrad.exempel.se${path}`, { method: 'POST', headers: { ...(origin ? { origin } : {}), 'content-type': type } }),
		new URL(`https://rodtrad.exempel.se${path}`)
	);

describe('cross-site form posts', () => {
	it('refuses a form posted from another origin, or without an origin, as SvelteKit does', () => {
		expect(post('/logga-in', 'https://elak.exempel.net')).toBe(true);
		expect(post('/huvudman/admin/inloggning?/disable', null)).toBe(true);
		expect(post('/logga-in', 'https://elak.exempel.net', 'multipart/form-data; boundary=x')).toBe(true);
	});
	it('lets through the same origin, JSON bodies, reads, and exactly the SAML ACS path', () => {
		expect(post('/logga-in', 'https://rodtrad.exempel.se')).toBe(false);
		expect(post('/api/v1/cases', 'https://elak.exempel.net', 'application/json')).toBe(false);
		expect(post('/saml/acs', 'https://idp.skola.exempel.se')).toBe(false);
		expect(post('/saml/acs/', 'https://idp.skola.exempel.se')).toBe(true);
		expect(post('/saml/metadata', 'https://idp.skola.exempel.se')).toBe(true);
		// An SS 12000 server's notification, whatever it says its body is; nothing else under /api/ss12000.
		expect(post('/api/ss12000/notifications/abc', null, 'text/plain')).toBe(false);
		expect(post('/api/ss12000/other', null, 'text/plain')).toBe(true);
		const get = new Request('https://rodtrad.exempel.se/logga-in', { headers: { origin: 'https://elak.exempel.net' } });
		expect(isForbiddenCrossSiteForm(get, new URL(get.url))).toBe(false);
	});
});
