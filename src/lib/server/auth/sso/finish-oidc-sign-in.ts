import { and, eq, gt } from 'drizzle-orm';
import * as client from 'openid-client';
import type { Db } from '../../db';
import { ssoSignInAttempts } from '../../db/schema';
import { hashToken } from '../tokens';
import { getEnabledOidcProvider } from './get-enabled-provider';
import type { AccountClaims } from './match-account';
import { completeSignIn } from './complete-sign-in';
import { oidcConfiguration } from './oidc-configuration';
import { redirectUriOf } from './present-identity-provider';
import { failSignIn, SsoError } from './sso-failure';

export type FinishOidcSignInOptions = {
	providerId: string;
	/** The token of the browser's attempt cookie (missing: the sign-in was not started in this browser). */
	token: string | undefined;
	/** The callback address as the browser called it (code, state or error in its query). */
	callbackUrl: URL;
	/** The site's public address (env.ORIGIN); the redirect URI is built from it, never from the request. */
	origin?: string;
};

/**
 * Finishes an OpenID Connect sign-in (decision 050). The attempt is used once (deleted whatever happens next) and
 * must belong to this provider and not have expired; the provider's error, a wrong or missing state, a missing code
 * and an id token that fails openid-client's checks (signature, issuer, audience, expiry, nonce, PKCE) each end in
 * an SsoError and an audited session.failed. Google accounts must come from one of the provider's domains (`hd`).
 * Then the account is matched to a person (matchAccount); a deactivated person is refused.
 * Returns the person, the organizer's slug and where to go; the caller starts the session (method oidc:<provider id>).
 */
export async function finishOidcSignIn(
	db: Db,
	opts: FinishOidcSignInOptions
): Promise<{ personId: string; organizerSlug: string; redirectTo: string }> {
	const found = await getEnabledOidcProvider(db, opts.providerId);
	if (!found) throw new SsoError('unavailable');
	const { provider, organizerSlug } = found;
	const fail = (reason: Parameters<typeof failSignIn>[1]['reason'], detail?: string, personId?: string) =>
		failSignIn(db, { organizerId: provider.organizerId, providerId: provider.id, reason, detail, personId });

	const [attempt] =
		opts.token && opts.token.length <= 200
			? await db
					.delete(ssoSignInAttempts)
					.where(
						and(
							eq(ssoSignInAttempts.tokenHash, hashToken(opts.token)),
							eq(ssoSignInAttempts.providerId, provider.id),
							gt(ssoSignInAttempts.expiresAt, new Date())
						)
					)
					.returning()
			: [];
	const params = opts.callbackUrl.searchParams;
	if (!attempt) return fail('state', 'no attempt');
	if (params.get('state') !== attempt.state) return fail('state', 'state mismatch');
	if (params.has('error')) return fail('provider', params.get('error') ?? undefined);
	if (!params.get('code')) return fail('provider', 'no code');

	let claims: client.IDToken;
	try {
		const config = await oidcConfiguration(provider);
		// The redirect URI sent with the code must be the one registered: built from ORIGIN, with the query kept.
		const current = new URL(redirectUriOf(provider.id, opts.origin));
		current.search = opts.callbackUrl.search;
		const tokens = await client.authorizationCodeGrant(config, current, {
			expectedState: attempt.state,
			expectedNonce: attempt.nonce,
			pkceCodeVerifier: attempt.codeVerifier,
			idTokenExpected: true
		});
		const c = tokens.claims();
		if (!c) return fail('token', 'no id token');
		claims = c;
	} catch (e) {
		if (e instanceof SsoError) throw e;
		return fail('token', e instanceof Error ? `${e.name}: ${e.message}` : String(e));
	}

	if (provider.kind === 'google') {
		const hd = typeof claims.hd === 'string' ? claims.hd.toLowerCase() : '';
		if (!hd || !provider.allowedDomains.includes(hd)) return fail('domain', hd || 'no hd');
	}
	const account = accountOf(provider.kind, claims);
	if (!account.subject) return fail('token', 'no subject');

	return completeSignIn(db, { provider, organizerSlug, account, redirectTo: attempt.redirectTo });
}

/**
 * The claims matching needs. Entra's oid is the same for the person in every app of the tenant; sub is per app.
 * Entra sends no `email_verified`: its optional claim `xms_edov` (the e-mail's domain is verified by the tenant)
 * stands in for it, so linking by e-mail works with Entra once the app registration asks for that claim.
 */
export function accountOf(kind: string, c: client.IDToken): AccountClaims {
	const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
	const oid = kind === 'entra' ? str(c.oid) : null;
	const email = str(c.email) ?? (kind === 'entra' ? str(c.preferred_username) : null);
	const given = [str(c.given_name), str(c.family_name)].filter(Boolean).join(' ');
	return {
		subject: (oid ?? str(c.sub) ?? '').slice(0, 300),
		email: email && email.includes('@') ? email : null,
		emailVerified: c.email_verified === true || (kind === 'entra' && (c.xms_edov === true || c.xms_edov === '1' || c.xms_edov === 1)),
		name: str(c.name) ?? (given || null)
	};
}
