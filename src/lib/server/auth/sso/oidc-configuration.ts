import * as client from 'openid-client';
import type { IdentityProviderRow } from '../../db/schema';
import { openSecret } from '../../crypto/secrets';
import { isLoopbackHttp } from './provider-input';
import { env } from '../../env';
// The same guard as webhooks' (decision 052): an identity provider is an outbound address an administrator types in.
import { checkWebhookTarget } from '../../integrations/webhooks/webhook-target';

type Cached = { at: number; config: Promise<client.Configuration> };

/**
 * Discovery answers by provider and version, for ten minutes. A cache of public metadata (endpoints and keys), so it
 * may differ between app nodes for a while without harm; a failed discovery is not kept.
 */
const cache = new Map<string, Cached>();

/** fetch, after checking the address as a webhook's is checked (scheme, no credentials, public addresses only). */
const guardedFetch =
	(allowPrivate: boolean): client.CustomFetch =>
	async (url, options) => {
		await checkWebhookTarget(url, { allowPrivate });
		return fetch(url, options as RequestInit);
	};
const TTL_MS = 10 * 60_000;

/**
 * The openid-client configuration of a provider: its discovery document fetched from the issuer, the client id and
 * the client secret opened from its sealed form (client_secret_post; none for a public client). Plain http is allowed
 * only for an issuer on this machine (the tests' local provider). Every request — discovery, token, keys, whatever
 * addresses the discovery document names — goes through the webhooks' address guard first, so a provider cannot point
 * the server at loopback, link-local or private addresses unless SSO_ALLOW_PRIVATE_ISSUERS is set.
 */
export function oidcConfiguration(provider: IdentityProviderRow, opts: { allowPrivate?: boolean } = {}): Promise<client.Configuration> {
	const allowPrivate = opts.allowPrivate ?? env.SSO_ALLOW_PRIVATE_ISSUERS;
	const key = `${provider.id}:${provider.updatedAt.getTime()}:${allowPrivate}`;
	const hit = cache.get(key);
	if (hit && Date.now() - hit.at < TTL_MS) return hit.config;
	const issuer = new URL(provider.issuer);
	const secret = provider.clientSecret ? openSecret(provider.clientSecret) : undefined;
	const config = client
		.discovery(issuer, provider.clientId, undefined, secret ? client.ClientSecretPost(secret) : client.None(), {
			execute: isLoopbackHttp(issuer) ? [client.allowInsecureRequests] : [],
			timeout: 10,
			[client.customFetch]: guardedFetch(allowPrivate)
		})
		.catch((e) => {
			cache.delete(key);
			throw e;
		});
	cache.set(key, { at: Date.now(), config });
	return config;
}
