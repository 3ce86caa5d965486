import { SAML, ValidateInResponseTo, type CacheProvider } from '@node-saml/node-saml';
import { decryptXml, parseDomFromString, xpath } from '@node-saml/node-saml/lib/xml';
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
 * Whether a response (or a decrypted assertion) names SHA-1 as a signature or digest algorithm: refused, whatever
 * else it holds (node-saml would accept rsa-sha1; we ask for SHA-256 or better). The key transport of an encrypted
 * assertion is not a signature: RSA-OAEP names SHA-1 as its mask digest inside `EncryptionMethod` (what most IdPs send,
 * and sound), so those elements are left out. The signature of an encrypted assertion is only visible once decrypted:
 * the caller checks the decrypted assertion too.
 */
export function usesSha1(xml: string): boolean {
	const signaturesOnly = xml.replace(/<(\w+:)?EncryptionMethod\b[\s\S]*?(<\/(\w+:)?EncryptionMethod>|\/>)/g, '');
	return /Algorithm\s*=\s*["']http:\/\/www\.w3\.org\/2000\/09\/xmldsig#(rsa-sha1|sha1|dsa-sha1)["']/.test(signaturesOnly);
}

/**
 * The encrypted assertions of a response, decrypted with the installation's key (as node-saml will decrypt them), so
 * their signature algorithm can be checked before node-saml verifies it. Anything that does not parse or decrypt
 * gives nothing here: node-saml refuses it on its own.
 */
export async function decryptedAssertions(responseXml: string, privateKeyPem: string): Promise<string[]> {
	if (!/EncryptedAssertion/.test(responseXml)) return [];
	try {
		const doc = await parseDomFromString(responseXml);
		const nodes = xpath.selectElements(doc, "//*[local-name()='EncryptedAssertion']");
		return await Promise.all(nodes.map((n) => decryptXml(n.toString(), privateKeyPem)));
	} catch {
		return [];
	}
}
