import * as client from 'openid-client';
import type { IdentityProviderRow } from '../../db/schema';
import { openSecret } from '../../crypto/secrets';
import { isLoopbackHttp } from './provider-input';

type Cached = { at: number; config: Promise<client.Configuration> };

/**
 * Discovery answers by provider and version, for ten minutes. A cache of public metadata (endpoints and keys), so it
 * may differ between app nodes for a while without harm; a failed discovery is not kept.
 */
const cache = new Map<string, Cached>();
const TTL_MS = 10 * 60_000;

/**
 * The openid-client configuration of a provider: its discovery document fetched from the issuer, the client id and
 * the client secret opened from its sealed form (client_secret_post; none for a public client). Plain http is allowed
 * only for an issuer on this machine (the tests' local provider).
 */
export function oidcConfiguration(provider: IdentityProviderRow): Promise<client.Configuration> {
	const key = `${provider.id}:${provider.updatedAt.getTime()}`;
	const hit = cache.get(key);
	if (hit && Date.now() - hit.at < TTL_MS) return hit.config;
	const issuer = new URL(provider.issuer);
	const secret = provider.clientSecret ? openSecret(provider.clientSecret) : undefined;
	const config = client
		.discovery(issuer, provider.clientId, undefined, secret ? client.ClientSecretPost(secret) : client.None(), {
			execute: isLoopbackHttp(issuer) ? [client.allowInsecureRequests] : [],
			timeout: 10
		})
		.catch((e) => {
			cache.delete(key);
			throw e;
		});
	cache.set(key, { at: Date.now(), config });
	return config;
}
