import { createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

/**
 * A self-signed X.509 certificate for an RSA key, DER-encoded by hand (decision 054): SAML federations trust the
 * certificate in the metadata, not a CA, so only a well-formed v3 certificate with SHA-256 and a long validity is
 * needed. Written here to keep a certificate library (and its global reflect polyfill) out of the server.
 */

const der = (tag: number, body: Buffer): Buffer => {
	const n = body.length;
	const len =
		n < 0x80
			? Buffer.from([n])
			: (() => {
					const bytes: number[] = [];
					for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
					return Buffer.from([0x80 | bytes.length, ...bytes]);
				})();
	return Buffer.concat([Buffer.from([tag]), len, body]);
};
const seq = (...parts: Buffer[]) => der(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]) => der(0x31, Buffer.concat(parts));
const integer = (bytes: Buffer) => der(0x02, bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
const utf8 = (s: string) => der(0x0c, Buffer.from(s, 'utf8'));
const NULL = Buffer.from([0x05, 0x00]);

function oid(dotted: string): Buffer {
	const [a, b, ...rest] = dotted.split('.').map(Number);
	const out = [40 * a + b];
	for (const v of rest) {
		const chunk = [v & 0x7f];
		for (let x = v >> 7; x > 0; x >>= 7) chunk.unshift((x & 0x7f) | 0x80);
		out.push(...chunk);
	}
	return der(0x06, Buffer.from(out));
}

/** UTCTime before 2050, GeneralizedTime from then on (RFC 5280 4.1.2.5). */
function time(d: Date): Buffer {
	const s = d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
	return d.getUTCFullYear() < 2050 ? der(0x17, Buffer.from(s.slice(2))) : der(0x18, Buffer.from(s));
}

const SHA256_RSA = seq(oid('1.2.840.113549.1.1.11'), NULL);
const name = (cn: string, o?: string) => seq(...(o ? [set(seq(oid('2.5.4.10'), utf8(o)))] : []), set(seq(oid('2.5.4.3'), utf8(cn))));

/** A certificate (base64 DER) for `privateKey`, issued by and to `commonName`, valid from yesterday for `years`. */
export function selfSignedCertificate(privateKey: KeyObject, opts: { commonName: string; organization?: string; years: number }): string {
	const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
	const notBefore = new Date(Date.now() - 24 * 3600_000);
	const notAfter = new Date(notBefore.getTime() + opts.years * 365 * 24 * 3600_000);
	const subject = name(opts.commonName, opts.organization);
	const tbs = seq(
		der(0xa0, integer(Buffer.from([2]))),
		integer(randomBytes(16)),
		SHA256_RSA,
		subject,
		seq(time(notBefore), time(notAfter)),
		subject,
		spki
	);
	const signature = sign('sha256', tbs, privateKey);
	return seq(tbs, SHA256_RSA, der(0x03, Buffer.concat([Buffer.from([0]), signature]))).toString('base64');
}

/** A new RSA key pair with its self-signed certificate: PEM private key and base64 DER certificate. */
export function newRsaCertificate(opts: { commonName: string; organization?: string; years: number; bits?: number }) {
	const { privateKey } = generateKeyPairSync('rsa', { modulusLength: opts.bits ?? 3072 });
	return {
		privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
		certificateBase64: selfSignedCertificate(privateKey, opts)
	};
}
