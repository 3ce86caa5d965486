import { lt } from 'drizzle-orm';
import * as client from 'openid-client';
import type { Db } from '../../db';
import { ssoSignInAttempts } from '../../db/schema';
import { safeRedirectTarget } from '../../http/redirect';
import { hashToken, newToken } from '../tokens';
import { getEnabledOidcProvider } from './get-enabled-provider';
import { oidcConfiguration } from './oidc-configuration';
import { redirectUriOf } from './present-identity-provider';
import { failSignIn, SsoError } from './sso-failure';

/** How long a person has at the provider before the sign-in must start over. */
export const ATTEMPT_MINUTES = 10;

/**
 * Begins an OpenID Connect sign-in (decision 050): authorization code flow with PKCE (S256), state and nonce. The
 * three are kept in sso_sign_in_attempts under the hash of a random token the browser holds in a short-lived cookie;
 * returns the provider's authorization address and that token. An unknown or switched-off provider is `unavailable`;
 * a provider whose discovery fails is `provider` (audited).
 */
export async function startOidcSignIn(
	db: Db,
	opts: { providerId: string; redirectTo?: string | null; origin?: string }
): Promise<{ url: string; token: string; expiresAt: Date }> {
	const found = await getEnabledOidcProvider(db, opts.providerId);
	if (!found) throw new SsoError('unavailable');
	const { provider } = found;
	let config: client.Configuration;
	try {
		config = await oidcConfiguration(provider);
	} catch (e) {
		return failSignIn(db, { organizerId: provider.organizerId, providerId: provider.id, reason: 'provider', detail: String(e) });
	}
	const token = newToken();
	const state = client.randomState();
	const nonce = client.randomNonce();
	const codeVerifier = client.randomPKCECodeVerifier();
	const expiresAt = new Date(Date.now() + ATTEMPT_MINUTES * 60_000);
	// Attempts nobody finished go when the next one starts: no job needed for a table this small.
	await db.delete(ssoSignInAttempts).where(lt(ssoSignInAttempts.expiresAt, new Date()));
	await db.insert(ssoSignInAttempts).values({
		tokenHash: hashToken(token),
		providerId: provider.id,
		state,
		nonce,
		codeVerifier,
		redirectTo: safeRedirectTarget(opts.redirectTo),
		expiresAt
	});
	const params: Record<string, string> = {
		redirect_uri: redirectUriOf(provider.id, opts.origin),
		scope: 'openid email profile',
		code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
		code_challenge_method: 'S256',
		state,
		nonce
	};
	// Google shows only accounts of the domain when it is named; the hd claim is still checked on the way back.
	if (provider.kind === 'google' && provider.allowedDomains.length === 1) params.hd = provider.allowedDomains[0];
	return { url: client.buildAuthorizationUrl(config, params).href, token, expiresAt };
}
