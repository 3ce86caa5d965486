import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../../db';
import { ssoSignInAttempts } from '../../../db/schema';
import { hashToken } from '../../tokens';
import { completeSignIn } from '../complete-sign-in';
import { getEnabledProvider } from '../get-enabled-provider';
import { failSignIn, SsoError, type SsoFailure } from '../sso-failure';
import { nationalIdHash } from './national-id-hash';
import { samlAccount, type SamlProfile } from './saml-account';
import { decryptedAssertions, samlFor, usesSha1 } from './saml-client';
import { serviceProviderKey } from './sp-key';

export type FinishSamlSignInOptions = {
	/** RelayState as posted: the provider's id. */
	relayState: string | null;
	/** SAMLResponse as posted (base64). */
	samlResponse: string | null;
	/** The token of the browser's attempt cookie. */
	token: string | undefined;
	origin?: string;
};

/**
 * Finishes a SAML sign-in at the assertion consumer service (decision 054). The browser's attempt is used once
 * (deleted whatever happens); the response must answer exactly that attempt's request (InResponseTo), carry an
 * assertion signed (SHA-256 or better, never SHA-1) by a certificate from the IdP's metadata, come from the IdP's
 * entityID, be meant for our entityID and be inside its time window. Any failure is audited as session.failed and
 * thrown as SsoError, nothing else written. Then the same matching, JIT and session as OpenID Connect.
 */
export async function finishSamlSignIn(
	db: Db,
	opts: FinishSamlSignInOptions
): Promise<{ personId: string; organizerSlug: string; redirectTo: string }> {
	const found = opts.relayState ? await getEnabledProvider(db, opts.relayState, 'saml') : null;
	if (!found) throw new SsoError('unavailable');
	const { provider, organizerSlug } = found;
	const fail = (reason: SsoFailure, detail?: string) =>
		failSignIn(db, { organizerId: provider.organizerId, providerId: provider.id, protocol: 'saml', reason, detail });

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
	if (!attempt) return fail('state', 'no attempt');
	if (!opts.samlResponse || opts.samlResponse.length > 1_000_000) return fail('provider', 'no SAMLResponse');
	const xml = Buffer.from(opts.samlResponse, 'base64').toString('utf8');
	if (usesSha1(xml)) return fail('token', 'SHA-1 signature or digest');

	const key = await serviceProviderKey(db);
	// An encrypted assertion's signature algorithm is seen only once decrypted.
	if ((await decryptedAssertions(xml, key.privateKeyPem)).some(usesSha1)) return fail('token', 'SHA-1 signature or digest');

	let profile: SamlProfile;
	try {
		const saml = samlFor(provider, key, { requestId: attempt.state, origin: opts.origin });
		const result = await saml.validatePostResponseAsync({ SAMLResponse: opts.samlResponse });
		if (!result.profile || result.loggedOut) return fail('token', 'no assertion');
		profile = result.profile as SamlProfile;
		// node-saml checks idpIssuer only on logout messages: the signed assertion's issuer is checked here.
		if (profile.issuer !== provider.issuer) return fail('token', `issuer ${String(profile.issuer).slice(0, 100)}`);
	} catch (e) {
		if (e instanceof SsoError) throw e;
		// A status other than Success (the person cancelled, the IdP refused) is the provider's answer, not a forgery.
		const status = e instanceof Error && 'xmlStatus' in e;
		return fail(status ? 'provider' : 'token', e instanceof Error ? `${e.name}: ${e.message}` : String(e));
	}

	const claims = samlAccount(profile, { nationalIdAttribute: provider.nationalIdAttribute });
	if (!claims.subject) return fail('token', 'no eduPersonPrincipalName or persistent NameID');
	const { nationalId, ...account } = claims;
	return completeSignIn(db, {
		provider,
		organizerSlug,
		account: { ...account, nationalIdHash: nationalId ? nationalIdHash(nationalId) : null },
		redirectTo: attempt.redirectTo
	});
}
