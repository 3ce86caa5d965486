// Covers: signingKey, signBody, verifyBody, canonicalJson, keyFingerprint.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyringOf } from './secrets';
import { canonicalJson, signBody, signingKey, verifyBody } from './package-signing';

const one = keyringOf(randomBytes(32));
const two = keyringOf(randomBytes(32));

describe('signing files that leave the installation', () => {
	it('derives the same key from the same installation key, and another from another', () => {
		expect(signingKey(one).keyId).toBe(signingKey(one).keyId);
		expect(signingKey(one).keyId).not.toBe(signingKey(two).keyId);
		expect(signingKey(one).keyId).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){4}$/);
	});

	it('writes JSON with sorted keys, so the order of fields does not change what is signed', () => {
		expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }], e: undefined })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
	});

	it('verifies with the public key alone, and refuses a changed body, another kind or another key', () => {
		const body = { tool: { name: 'Quiz', personalData: true }, extensions: {} };
		const signature = signBody('kind/1', body, signingKey(one));
		expect(verifyBody('kind/1', { extensions: {}, tool: { personalData: true, name: 'Quiz' } }, signature)).toEqual({
			valid: true,
			keyId: signingKey(one).keyId
		});
		expect(verifyBody('kind/1', { ...body, tool: { name: 'Quiz', personalData: false } }, signature).valid).toBe(false);
		expect(verifyBody('kind/2', body, signature).valid).toBe(false);
		// A forger may swap in a key of their own, but the signature no longer fits it.
		expect(verifyBody('kind/1', body, { ...signature, publicKey: signingKey(two).publicKey.toString('base64url') }).valid).toBe(false);
		expect(verifyBody('kind/1', body, { ...signature, publicKey: 'inte-en-nyckel' }).valid).toBe(false);
	});
});
