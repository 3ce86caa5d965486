import { SAML, ValidateInResponseTo, type CacheProvider } from '@node-saml/node-saml';
import type { IdentityProviderRow } from '../../../db/schema';
import { env } from '../../../env';
import { certificatePem } from './idp-metadata';
import type { ServiceProviderKey } from './sp-key';

/** The installation's SAML entityID: the address of its metadata (one service provider per installation, decision 054). */
export const spEntityId = (origin = env.ORIGIN) => `${origin.replace(/\/$/, '')}/saml/metadata`;

/** Where every IdP posts its answer (HTTP-POST binding); the provider comes back in RelayState. */
export const acsUrl = (origin = env.ORIGIN) => `${origin.replace(/\/$/, '')}/saml/acs`;

/** How far the IdP's clock may be off ours for NotBefore / NotOnOrAfter. */
export const CLOCK_SKEW_MS = 60_000;

/**
 * node-saml for one provider (decision 054). Assertions must be signed by one of the certificates from the IdP's
 * metadata, come from its entityID, be meant for our entityID (audience) and within their time window (a minute of
 * clock skew). InResponseTo is always required and checked against `requestId` alone — the one attempt this browser
 * began — so an answer nobody asked for, or one asked for elsewhere, is refused. No RequestedAuthnContext is sent:
 * asking for a password context makes Entra ID refuse people who sign in with MFA (AADSTS75011). Requests are signed
 * with SHA-256 by the installation's key, which also decrypts encrypted assertions.
 */
export function samlFor(
	provider: IdentityProviderRow,
	key: ServiceProviderKey,
	opts: { requestId?: string; origin?: string; capture?: (id: string) => void } = {}
) {
	const cacheProvider: CacheProvider = {
		saveAsync: async (id, value) => {
			opts.capture?.(id);
			return { value, createdAt: Date.now() };
		},
		getAsync: async (id) => (opts.requestId && id === opts.requestId ? new Date().toISOString() : null),
		removeAsync: async (id) => id
	};
	return new SAML({
		issuer: spEntityId(opts.origin),
		callbackUrl: acsUrl(opts.origin),
		entryPoint: provider.ssoUrl ?? undefined,
		idpIssuer: provider.issuer,
		idpCert: provider.signingCertificates.map(certificatePem),
		audience: spEntityId(opts.origin),
		wantAssertionsSigned: true,
		wantAuthnResponseSigned: false,
		signatureAlgorithm: 'sha256',
		digestAlgorithm: 'sha256',
		privateKey: key.privateKeyPem,
		publicCert: key.certificatePem,
		decryptionPvk: key.privateKeyPem,
		acceptedClockSkewMs: CLOCK_SKEW_MS,
		disableRequestedAuthnContext: true,
		identifierFormat: null,
		validateInResponseTo: ValidateInResponseTo.always,
		requestIdExpirationPeriodMs: 10 * 60_000,
		cacheProvider
	});
}

/**
 * Whether a response names SHA-1 anywhere as its signature or digest algorithm: refused, whatever else it holds
 * (node-saml would accept rsa-sha1; we ask for SHA-256 or better).
 */
export function usesSha1(responseXml: string): boolean {
	return /Algorithm\s*=\s*["']http:\/\/www\.w3\.org\/2000\/09\/xmldsig#(rsa-sha1|sha1|dsa-sha1)["']/.test(responseXml);
}
