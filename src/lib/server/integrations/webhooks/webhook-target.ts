import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { env } from '../../env';
import { invalid } from '../../errors';
import { isForbiddenAddress } from './address-ranges';

/** Looks a host name up to all its addresses (a stand-in may be passed in tests). */
export type Resolve = (host: string) => Promise<string[]>;

export const resolveAll: Resolve = async (host) => (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Checks a webhook address before it is saved and again before each delivery (DNS can change): http or https only,
 * no user name or password in it, and unless the system administrator allowed it (WEBHOOKS_ALLOW_PRIVATE), neither
 * the host nor any address it resolves to may be loopback, link-local, private, unique-local or unspecified.
 * INVALID on the `url` field otherwise. Returns the parsed URL.
 */
export async function checkWebhookTarget(raw: string, opts: { allowPrivate?: boolean; resolve?: Resolve } = {}): Promise<URL> {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw invalid('url', 'webhooks_error_url');
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('url', 'webhooks_error_scheme');
	if (url.username || url.password) throw invalid('url', 'webhooks_error_credentials');
	if (opts.allowPrivate ?? env.WEBHOOKS_ALLOW_PRIVATE) return url;
	const host = url.hostname.replace(/^\[|\]$/g, '');
	let addresses: string[];
	if (isIP(host)) addresses = [host];
	else {
		try {
			addresses = await (opts.resolve ?? resolveAll)(host);
		} catch {
			throw invalid('url', 'webhooks_error_unresolvable');
		}
	}
	if (!addresses.length || addresses.some(isForbiddenAddress)) throw invalid('url', 'webhooks_error_private');
	return url;
}
