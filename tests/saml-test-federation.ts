import { randomBytes } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import { newRsaCertificate } from '../src/lib/server/crypto/self-signed-certificate';

/**
 * A stand-in for a federation's metadata signer (Skolfederation signs its aggregate): its own key and self-signed
 * certificate, and `sign`, which wraps members' EntityDescriptors in an EntitiesDescriptor with an ID and signs it
 * enveloped over that ID (RSA-SHA256, exclusive c14n, the signature as the first child) — the shape federations
 * publish. `foreignKey` signs with a key the federation's certificate does not belong to; `validUntil` sets the
 * aggregate's validity.
 */
export function startTestFederation() {
	const key = newRsaCertificate({ commonName: 'Test-federation', years: 5, bits: 2048 });
	const foreign = newRsaCertificate({ commonName: 'Falsk-federation', years: 5, bits: 2048 });
	const strip = (x: string) => x.replace(/<\?xml[^>]*\?>/, '');
	return {
		/** The federation's metadata signing certificate, base64 DER. */
		certificate: key.certificateBase64,
		certificatePem: `-----BEGIN CERTIFICATE-----\n${key.certificateBase64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`,
		sign(members: string[], o: { validUntil?: string; foreignKey?: boolean } = {}): string {
			const id = `_fed${randomBytes(8).toString('hex')}`;
			const until = o.validUntil ? ` validUntil="${o.validUntil}"` : '';
			const body = `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" ID="${id}"${until}>${members.map(strip).join('')}</md:EntitiesDescriptor>`;
			const signer = new SignedXml({
				privateKey: (o.foreignKey ? foreign : key).privateKeyPem,
				signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
				canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#'
			});
			signer.addReference({
				xpath: '/*',
				transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
				digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256'
			});
			signer.computeSignature(body, { location: { reference: '/*', action: 'prepend' } });
			return signer.getSignedXml();
		}
	};
}
export type TestFederation = ReturnType<typeof startTestFederation>;
