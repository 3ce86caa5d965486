import { createHash, createPrivateKey, createPublicKey, hkdfSync, sign, verify, type KeyObject } from 'node:crypto';
import { appKeyring, type SecretKeyring } from './secrets';

/**
 * Signed files that leave the installation (decision 046): an Ed25519 key pair derived from the installation key
 * (decision 038) with HKDF, so no second secret has to be kept. The public key travels in the file; its fingerprint
 * names the installation's key, and anyone can check the signature without our secret.
 */

const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');
const INFO = 'rodtrad review package signing key v1';

export type SigningKey = { privateKey: KeyObject; publicKey: Buffer; keyId: string };

/** The signature block of a signed file. */
export type Signature = { algorithm: 'Ed25519'; publicKey: string; keyId: string; value: string };

/** A short fingerprint of a public key, in groups of four, for people to compare ("3fa0 9c12 …"). */
export function keyFingerprint(publicKey: Buffer): string {
	const hex = createHash('sha256').update(publicKey).digest('hex').slice(0, 20);
	return hex.match(/.{4}/g)!.join(' ');
}

/** The installation's signing key, derived from the current installation key; the same on every server that shares it. */
export function signingKey(keyring: SecretKeyring = appKeyring()): SigningKey {
	const secret = keyring.keys.get(keyring.currentId)!;
	const seed = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), INFO, 32));
	const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: 'der', type: 'pkcs8' });
	const publicKey = (createPublicKey(privateKey).export({ format: 'der', type: 'spki' }) as Buffer).subarray(SPKI_ED25519.length);
	return { privateKey, publicKey, keyId: keyFingerprint(publicKey) };
}

/** JSON with object keys in sorted order and no spaces: the one byte form that is signed and checked. */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, v]) => v !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What is signed: the kind of file and its body, so a signature for one kind never passes for another. */
const signedBytes = (kind: string, body: unknown) => Buffer.from(`${kind}\n${canonicalJson(body)}`, 'utf8');

/** Signs a body of the given kind with the installation's key. */
export function signBody(kind: string, body: unknown, key: SigningKey = signingKey()): Signature {
	return {
		algorithm: 'Ed25519',
		publicKey: key.publicKey.toString('base64url'),
		keyId: key.keyId,
		value: sign(null, signedBytes(kind, body), key.privateKey).toString('base64url')
	};
}

/**
 * Whether the signature is a valid Ed25519 signature of the body by the public key it carries, and the key's
 * fingerprint. A signature that does not parse is simply not valid.
 */
export function verifyBody(kind: string, body: unknown, signature: Signature): { valid: boolean; keyId: string } {
	try {
		const raw = Buffer.from(signature.publicKey, 'base64url');
		if (signature.algorithm !== 'Ed25519' || raw.length !== 32) return { valid: false, keyId: '' };
		const publicKey = createPublicKey({ key: Buffer.concat([SPKI_ED25519, raw]), format: 'der', type: 'spki' });
		const valid = verify(null, signedBytes(kind, body), publicKey, Buffer.from(signature.value, 'base64url'));
		return { valid, keyId: keyFingerprint(raw) };
	} catch {
		return { valid: false, keyId: '' };
	}
}
