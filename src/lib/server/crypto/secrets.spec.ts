// Covers: sealSecret, openSecret, readStoredSecret, needsResealing, keyringOf, parseSecretKey, loadKeyring, keyFromDataDir.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	KEY_FILE,
	SecretError,
	keyringOf,
	loadKeyring,
	needsResealing,
	openSecret,
	parseSecretKey,
	readStoredSecret,
	sealSecret
} from './secrets';

const url = 'https://prod.example.logic.azure.com/workflows/abc123/triggers/manual/paths/invoke?sig=s3cr3t';
const ring = () => keyringOf(randomBytes(32));

describe('sealSecret and openSecret', () => {
	it('seals to a versioned text that does not contain the secret, differs each time and opens again', () => {
		const keys = ring();
		const a = sealSecret(url, keys);
		const b = sealSecret(url, keys);
		expect(a).toMatch(/^v1:[0-9a-f]{8}:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);
		expect(a).not.toContain('s3cr3t');
		expect(a).not.toBe(b);
		expect(openSecret(a, keys)).toBe(url);
		expect(openSecret(sealSecret('åäö ✓', keys), keys)).toBe('åäö ✓');
	});

	it('refuses another key, even one that claims the same key id', () => {
		const sealed = sealSecret(url, ring());
		expect(() => openSecret(sealed, ring())).toThrow(SecretError);
		const other = ring();
		const [, , iv, body, tag] = sealed.split(':');
		expect(() => openSecret(['v1', other.currentId, iv, body, tag].join(':'), other)).toThrow(SecretError);
	});

	it('refuses altered text: ciphertext, tag, iv or a changed key id', () => {
		const keys = ring();
		const sealed = sealSecret(url, keys);
		const parts = sealed.split(':');
		const flip = (s: string) => {
			const b = Buffer.from(s, 'base64url');
			b[0] ^= 1;
			return b.toString('base64url');
		};
		for (const i of [2, 3, 4]) {
			const altered = [...parts];
			altered[i] = flip(parts[i]);
			expect(() => openSecret(altered.join(':'), keys)).toThrow(SecretError);
		}
		expect(() => openSecret(url, keys)).toThrow(SecretError);
		expect(() => openSecret(`v2:${parts.slice(1).join(':')}`, keys)).toThrow(SecretError);
	});

	it('opens with an old key kept in the keyring and says what must be sealed again', () => {
		const oldKey = randomBytes(32);
		const sealedOld = sealSecret(url, keyringOf(oldKey));
		const rotated = keyringOf(randomBytes(32), [oldKey]);
		expect(openSecret(sealedOld, rotated)).toBe(url);
		expect(needsResealing(sealedOld, rotated)).toBe(true);
		expect(needsResealing(sealSecret(url, rotated), rotated)).toBe(false);
		expect(needsResealing(url, rotated)).toBe(true);
		expect(readStoredSecret(url, rotated)).toBe(url);
		expect(readStoredSecret(sealedOld, rotated)).toBe(url);
	});
});

describe('the installation key', () => {
	it('takes 32 bytes of base64 and nothing else', () => {
		expect(parseSecretKey(randomBytes(32).toString('base64'))).toHaveLength(32);
		expect(parseSecretKey(randomBytes(32).toString('base64url'))).toHaveLength(32);
		expect(() => parseSecretKey(randomBytes(16).toString('base64'))).toThrow(SecretError);
		expect(() => parseSecretKey('not a key at all, not at all!!!!!!!!!!!!!!!')).toThrow(SecretError);
	});

	it('on the embedded database makes a key file once and reads it on the next start', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rodtrad-key-'));
		try {
			const first = loadKeyring({ DATA_DIR: dir });
			const file = path.join(dir, KEY_FILE);
			expect(fs.statSync(file).mode & 0o777).toBe(0o600);
			expect(loadKeyring({ DATA_DIR: dir }).currentId).toBe(first.currentId);
			expect(fs.readdirSync(dir)).toEqual([KEY_FILE]);
			// A SECRET_KEY set later seals from then on; the file's key still opens what it sealed.
			const sealed = sealSecret(url, first);
			const later = loadKeyring({ DATA_DIR: dir, SECRET_KEY: randomBytes(32).toString('base64') });
			expect(later.currentId).not.toBe(first.currentId);
			expect(openSecret(sealed, later)).toBe(url);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('on PostgreSQL requires SECRET_KEY, in Swedish, and takes old keys for opening', () => {
		expect(() => loadKeyring({ DATA_DIR: './nowhere', DATABASE_URL: 'postgres://x@localhost/y' })).toThrow(/SECRET_KEY saknas/);
		const oldKey = randomBytes(32);
		const keys = loadKeyring({
			DATA_DIR: './nowhere',
			DATABASE_URL: 'postgres://x@localhost/y',
			SECRET_KEY: randomBytes(32).toString('base64'),
			SECRET_KEYS_OLD: `${oldKey.toString('base64')}`
		});
		expect(openSecret(sealSecret(url, keyringOf(oldKey)), keys)).toBe(url);
		expect(fs.existsSync('./nowhere')).toBe(false);
	});
});
