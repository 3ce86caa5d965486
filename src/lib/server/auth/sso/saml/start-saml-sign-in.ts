import { lt } from 'drizzle-orm';
import type { Db } from '../../../db';
import { ssoSignInAttempts } from '../../../db/schema';
import { safeRedirectTarget } from '../../../http/redirect';
import { hashToken, newToken } from '../../tokens';
import { getEnabledProvider } from '../get-enabled-provider';
import { ATTEMPT_MINUTES } from '../start-oidc-sign-in';
import { failSignIn, SsoError } from '../sso-failure';
import { samlFor } from './saml-client';
import { serviceProviderKey } from './sp-key';

/**
 * Begins a SAML sign-in (decision 054): an AuthnRequest to the IdP's SingleSignOnService by the HTTP-Redirect
 * binding, signed with SHA-256. Its ID is kept in sso_sign_in_attempts (column `state`) under the hash of a random
 * token the browser holds in a cookie, so the answer must be to this request and reach the browser that asked.
 * RelayState carries the provider's id (not a secret: it only says which provider's keys check the answer).
 * Returns the IdP's address and the token.
 */
export async function startSamlSignIn(
	db: Db,
	opts: { providerId: string; redirectTo?: string | null; origin?: string }
): Promise<{ url: string; token: string; expiresAt: Date }> {
	const found = await getEnabledProvider(db, opts.providerId, 'saml');
	if (!found || !found.provider.ssoUrl || !found.provider.signingCertificates.length) throw new SsoError('unavailable');
	const { provider } = found;
	let requestId = '';
	let url: string;
	try {
		const saml = samlFor(provider, await serviceProviderKey(db), { origin: opts.origin, capture: (id) => (requestId = id) });
		url = await saml.getAuthorizeUrlAsync(provider.id, undefined, {});
	} catch (e) {
		return failSignIn(db, {
			organizerId: provider.organizerId,
			providerId: provider.id,
			protocol: 'saml',
			reason: 'provider',
			detail: String(e)
		});
	}
	if (!requestId) throw new Error('node-saml made no request id');
	const token = newToken();
	const expiresAt = new Date(Date.now() + ATTEMPT_MINUTES * 60_000);
	await db.delete(ssoSignInAttempts).where(lt(ssoSignInAttempts.expiresAt, new Date()));
	await db.insert(ssoSignInAttempts).values({
		tokenHash: hashToken(token),
		providerId: provider.id,
		state: requestId,
		nonce: '',
		codeVerifier: '',
		redirectTo: safeRedirectTarget(opts.redirectTo),
		expiresAt
	});
	return { url, token, expiresAt };
}
