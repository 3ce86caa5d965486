// Covers: selfSignedCertificate, newRsaCertificate.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newRsaCertificate } from './self-signed-certificate';

describe('a self-signed certificate made by hand', () => {
	it('parses as X.509, names its subject, verifies with its own key and lasts the years asked for', () => {
		const made = newRsaCertificate({ commonName: 'rodtrad.exempel.se', organization: 'Rödtråd', years: 30, bits: 2048 });
		const cert = new X509Certificate(Buffer.from(made.certificateBase64, 'base64'));
		expect(cert.subject).toContain('CN=rodtrad.exempel.se');
		expect(cert.subject).toContain('O=Rödtråd');
		expect(cert.verify(cert.publicKey)).toBe(true);
		expect(cert.checkPrivateKey(createPrivateKey(made.privateKeyPem))).toBe(true);
		expect(new Date(cert.validTo).getUTCFullYear()).toBeGreaterThanOrEqual(new Date().getUTCFullYear() + 29);
	});
});
