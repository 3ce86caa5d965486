import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import { inflateRawSync } from 'node:zlib';
import { SignedXml } from 'xml-crypto';
import { newRsaCertificate } from '../src/lib/server/crypto/self-signed-certificate';

/**
 * A local SAML 2.0 identity provider for the tests (decision 054): its own RSA key and self-signed certificate,
 * metadata, and a SingleSignOnService (HTTP-Redirect) that answers at once with an auto-posting form to the SP's
 * ACS — no login page: the test decides who "signed in" with `signInAs(attributes)`. Responses are built here and the
 * assertion signed with xml-crypto (RSA-SHA256, exclusive c14n). `tamperNext` bends the next response (audience,
 * time window, InResponseTo, issuer, a foreign key, SHA-1, a changed attribute after signing) to test refusals.
 * Nothing leaves 127.0.0.1.
 */

export type Tamper = {
	audience?: string;
	/** Seconds from now for NotOnOrAfter (negative: already over). */
	notOnOrAfterSeconds?: number;
	inResponseTo?: string | null;
	issuer?: string;
	/** Sign with a key the SP does not know. */
	foreignKey?: boolean;
	sha1?: boolean;
	/** Change the first AttributeValue after signing (a forged attribute). */
	alterAfterSigning?: string;
};

function makeKey(cn: string) {
	const made = newRsaCertificate({ commonName: cn, years: 10, bits: 2048 });
	return { privateKeyPem: made.privateKeyPem, certBase64: made.certificateBase64 };
}

/** xml-encryption (node-saml decrypts with it) ships no types: the one function the IdP uses. */
const xmlenc = createRequire(import.meta.url)('xml-encryption') as {
	encrypt(content: string, options: Record<string, unknown>, done: (err: Error | null, result: string) => void): void;
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** `host`: the name in the IdP's addresses (the e2e app runs on localhost, and the attempt cookie needs the same site). */
export async function startTestSamlIdp(opts: { host?: string } = {}) {
	const key = makeKey('Test-IdP');
	const foreign = makeKey('Annan-IdP');
	let attributes: Record<string, string | string[]> = {};
	let nameId = `_${randomBytes(8).toString('hex')}`;
	let tamper: Tamper = {};
	let base = '';
	const entityId = () => `${base}/idp`;

	type Asked = { requestId: string | null; acs: string; audience: string };

	/** A signed Response to `requestId` for `acs` and `audience`, with the current attributes (and the next tamper). */
	function response(o: Asked): string {
		const { signed, wrap } = signedAssertion(o);
		return wrap(signed);
	}

	/**
	 * The same Response with its signed assertion encrypted for the SP (`<saml:EncryptedAssertion>`, AES-256-GCM, the
	 * key wrapped with RSA-OAEP for the certificate in the SP's metadata) — what an IdP does when the SP publishes an
	 * encryption key. `certificatePem`: the SP's certificate (or another one, to test a key the SP does not hold).
	 */
	async function encryptedResponse(o: Asked, certificatePem: string): Promise<string> {
		const { signed, wrap } = signedAssertion(o);
		const encrypted = await new Promise<string>((resolve, reject) =>
			xmlenc.encrypt(
				signed,
				{
					rsa_pub: certificatePem,
					pem: certificatePem,
					encryptionAlgorithm: 'http://www.w3.org/2009/xmlenc11#aes256-gcm',
					keyEncryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p'
				},
				(err, result) => (err ? reject(err) : resolve(result))
			)
		);
		return wrap(`<saml:EncryptedAssertion>${encrypted}</saml:EncryptedAssertion>`);
	}

	function signedAssertion(o: Asked) {
		const t = tamper;
		tamper = {};
		const now = Date.now();
		const inResponseTo = t.inResponseTo === undefined ? o.requestId : t.inResponseTo;
		const irt = inResponseTo ? ` InResponseTo="${esc(inResponseTo)}"` : '';
		const notOnOrAfter = iso(now + (t.notOnOrAfterSeconds ?? 300) * 1000);
		const issuer = esc(t.issuer ?? entityId());
		const assertionId = `_a${randomBytes(12).toString('hex')}`;
		const attrs = Object.entries(attributes)
			.map(
				([name, v]) =>
					`<saml:Attribute Name="${esc(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">${(Array.isArray(v) ? v : [v])
						.map((x) => `<saml:AttributeValue>${esc(x)}</saml:AttributeValue>`)
						.join('')}</saml:Attribute>`
			)
			.join('');
		const assertion =
			`<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${assertionId}" Version="2.0" IssueInstant="${iso(now)}">` +
			`<saml:Issuer>${issuer}</saml:Issuer>` +
			`<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${esc(nameId)}</saml:NameID>` +
			`<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData${irt} NotOnOrAfter="${notOnOrAfter}" Recipient="${esc(o.acs)}"/></saml:SubjectConfirmation></saml:Subject>` +
			`<saml:Conditions NotBefore="${iso(now - 30_000)}" NotOnOrAfter="${notOnOrAfter}"><saml:AudienceRestriction><saml:Audience>${esc(t.audience ?? o.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
			`<saml:AuthnStatement AuthnInstant="${iso(now)}" SessionIndex="${assertionId}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
			(attrs ? `<saml:AttributeStatement>${attrs}</saml:AttributeStatement>` : '') +
			`</saml:Assertion>`;
		const signer = new SignedXml({
			privateKey: (t.foreignKey ? foreign : key).privateKeyPem,
			signatureAlgorithm: t.sha1 ? 'http://www.w3.org/2000/09/xmldsig#rsa-sha1' : 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
			canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#'
		});
		signer.addReference({
			xpath: "//*[local-name(.)='Assertion']",
			transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
			digestAlgorithm: t.sha1 ? 'http://www.w3.org/2000/09/xmldsig#sha1' : 'http://www.w3.org/2001/04/xmlenc#sha256'
		});
		signer.computeSignature(assertion, { location: { reference: "//*[local-name(.)='Issuer']", action: 'after' } });
		let signed = signer.getSignedXml();
		if (t.alterAfterSigning)
			signed = signed.replace(
				/<saml:AttributeValue>[^<]*<\/saml:AttributeValue>/,
				`<saml:AttributeValue>${esc(t.alterAfterSigning)}</saml:AttributeValue>`
			);
		const wrap = (inner: string) =>
			Buffer.from(
				`<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r${randomBytes(12).toString('hex')}" Version="2.0" IssueInstant="${iso(now)}" Destination="${esc(o.acs)}"${irt}>` +
					`<saml:Issuer>${issuer}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${inner}</samlp:Response>`
			).toString('base64');
		return { signed, wrap };
	}

	/** The AuthnRequest's ID and ACS, read out of the HTTP-Redirect binding's SAMLRequest. */
	function readRequest(samlRequest: string) {
		const xml = inflateRawSync(Buffer.from(samlRequest, 'base64')).toString('utf8');
		return {
			xml,
			id: /\sID="([^"]+)"/.exec(xml)?.[1] ?? null,
			acs: /AssertionConsumerServiceURL="([^"]+)"/.exec(xml)?.[1] ?? '',
			issuer: /<saml:Issuer[^>]*>([^<]+)</.exec(xml)?.[1] ?? ''
		};
	}

	const metadata = () =>
		`<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${esc(entityId())}">` +
		`<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" WantAuthnRequestsSigned="false">` +
		`<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${key.certBase64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
		`<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${esc(base)}/sso"/>` +
		`<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${esc(base)}/sso"/>` +
		`</md:IDPSSODescriptor></md:EntityDescriptor>`;

	const requests: string[] = [];
	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', base);
		if (url.pathname === '/metadata') {
			res.writeHead(200, { 'content-type': 'application/samlmetadata+xml' }).end(metadata());
			return;
		}
		if (url.pathname === '/sso') {
			const request = readRequest(url.searchParams.get('SAMLRequest') ?? '');
			requests.push(request.xml);
			const body = response({ requestId: request.id, acs: request.acs, audience: request.issuer });
			const relay = url.searchParams.get('RelayState') ?? '';
			res
				.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
				.end(
					`<!doctype html><html lang="sv"><head><title>Test-IdP</title></head><body onload="document.forms[0].submit()"><main><h1>Test-IdP</h1>` +
						`<form method="post" action="${esc(request.acs)}"><input type="hidden" name="SAMLResponse" value="${body}"><input type="hidden" name="RelayState" value="${esc(relay)}">` +
						`<button type="submit">Fortsätt</button></form></main></body></html>`
				);
			return;
		}
		res.writeHead(404).end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	base = `http://${opts.host ?? '127.0.0.1'}:${typeof address === 'object' && address ? address.port : 0}`;

	return {
		get entityId() {
			return entityId();
		},
		metadataUrl: `${base}/metadata`,
		metadata,
		certificate: key.certBase64,
		/** The AuthnRequests received, as XML. */
		requests,
		signInAs(next: Record<string, string | string[]>, opts: { nameId?: string } = {}) {
			attributes = next;
			nameId = opts.nameId ?? `_${randomBytes(8).toString('hex')}`;
		},
		tamperNext(next: Tamper) {
			tamper = next;
		},
		/** A signed SAMLResponse made directly (for db specs, without a browser). */
		response,
		encryptedResponse,
		readRequest,
		stop: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
export type TestSamlIdp = Awaited<ReturnType<typeof startTestSamlIdp>>;
