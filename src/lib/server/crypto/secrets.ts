import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '../env';

/**
 * Secrets at rest (decision 038): team channel webhook addresses today, OIDC client secrets later. Each value is
 * sealed with AES-256-GCM under the installation key and stored as `v1:<key id>:<iv>:<ciphertext>:<tag>`
 * (base64url). The key id names the key, so keys can rotate: new values are sealed with the current key, old ones
 * open with any key still in the keyring and are sealed again at start-up.
 */

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
/** The key file of an embedded-database installation, inside DATA_DIR. */
export const KEY_FILE = 'secret-key';

export type SecretKeyring = { currentId: string; keys: ReadonlyMap<string, Buffer> };

/** A secret that cannot be opened: unknown key, wrong key, altered text or not a sealed value. */
export class SecretError extends Error {}

/** The key's id: the start of a hash of the key, so a sealed value says which key opens it without revealing it. */
export const keyId = (key: Buffer) => createHash('sha256').update('rodtrad-secret-key\0').update(key).digest('hex').slice(0, 8);

/** Reads a key given as base64 (standard or url-safe); it must be exactly 32 bytes. */
export function parseSecretKey(text: string): Buffer {
	const trimmed = text.trim();
	const key = Buffer.from(trimmed, trimmed.includes('-') || trimmed.includes('_') ? 'base64url' : 'base64');
	if (key.length !== KEY_BYTES || !/^[A-Za-z0-9+/_-]+=*$/.test(trimmed)) {
		throw new SecretError(`a secret key is ${KEY_BYTES} bytes in base64 (openssl rand -base64 32)`);
	}
	return key;
}

/** A keyring: the first key seals, all of them open. */
export function keyringOf(current: Buffer, others: Buffer[] = []): SecretKeyring {
	const keys = new Map<string, Buffer>();
	for (const k of [current, ...others]) if (!keys.has(keyId(k))) keys.set(keyId(k), k);
	return { currentId: keyId(current), keys };
}

const b64 = (b: Buffer) => b.toString('base64url');
const header = (id: string) => `${VERSION}:${id}`;

/** Seals a secret under the keyring's current key; a fresh random IV each time, so equal secrets look different. */
export function sealSecret(plain: string, keyring: SecretKeyring = appKeyring()): string {
	const key = keyring.keys.get(keyring.currentId)!;
	const iv = randomBytes(IV_BYTES);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	cipher.setAAD(Buffer.from(header(keyring.currentId)));
	const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
	return [header(keyring.currentId), b64(iv), b64(body), b64(cipher.getAuthTag())].join(':');
}

/** Whether a stored value is sealed (rather than a plain value written before decision 038). */
export const isSealed = (stored: string) => /^v\d+:/.test(stored);

/** Opens a sealed secret; throws SecretError when the key is unknown or wrong or the text was altered. */
export function openSecret(sealed: string, keyring: SecretKeyring = appKeyring()): string {
	const parts = sealed.split(':');
	if (parts.length !== 5 || parts[0] !== VERSION) throw new SecretError('not a sealed secret');
	const [, id, iv, body, tag] = parts;
	const key = keyring.keys.get(id);
	if (!key) throw new SecretError(`sealed with an unknown key (${id})`);
	try {
		const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
		decipher.setAAD(Buffer.from(header(id)));
		decipher.setAuthTag(Buffer.from(tag, 'base64url'));
		return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
	} catch {
		throw new SecretError('the secret cannot be opened: wrong key or altered text');
	}
}

/** A stored value as plain text: sealed ones opened, plain ones (from before decision 038) as they are. */
export const readStoredSecret = (stored: string, keyring: SecretKeyring = appKeyring()) =>
	isSealed(stored) ? openSecret(stored, keyring) : stored;

/** The start of every value sealed under the keyring's current key (for finding, in SQL, the ones that are not). */
export const currentSealPrefix = (keyring: SecretKeyring = appKeyring()) => `${header(keyring.currentId)}:`;

/** Whether a stored value should be sealed again: plain, or sealed under a key that is no longer the current one. */
export const needsResealing = (stored: string, keyring: SecretKeyring = appKeyring()) =>
	!isSealed(stored) || stored.split(':')[1] !== keyring.currentId;

/** The key in DATA_DIR, created once (atomically: written aside, then linked in place, so two starts agree). */
export function keyFromDataDir(dataDir: string, create: boolean): Buffer | null {
	const file = path.join(dataDir, KEY_FILE);
	if (fs.existsSync(file)) return parseSecretKey(fs.readFileSync(file, 'utf8'));
	if (!create) return null;
	fs.mkdirSync(dataDir, { recursive: true });
	const aside = `${file}.${process.pid}.${Date.now()}`;
	fs.writeFileSync(aside, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600 });
	try {
		fs.linkSync(aside, file);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
	} finally {
		fs.unlinkSync(aside);
	}
	return parseSecretKey(fs.readFileSync(file, 'utf8'));
}

type KeySettings = { SECRET_KEY?: string; SECRET_KEYS_OLD?: string; DATABASE_URL?: string; DATA_DIR: string };

/**
 * The installation's keyring. SECRET_KEY seals; SECRET_KEYS_OLD (comma-separated) and a key file left in DATA_DIR
 * still open. Without SECRET_KEY: on PostgreSQL a start-up error (every server process must share one key, and a
 * key kept in the database would sit beside what it protects), on the embedded database a key created once in
 * DATA_DIR.
 */
export function loadKeyring(settings: KeySettings): SecretKeyring {
	const old = (settings.SECRET_KEYS_OLD ?? '')
		.split(',')
		.filter((s) => s.trim())
		.map(parseSecretKey);
	if (settings.SECRET_KEY) {
		const file = settings.DATABASE_URL || settings.DATA_DIR.startsWith('memory://') ? null : keyFromDataDir(settings.DATA_DIR, false);
		return keyringOf(parseSecretKey(settings.SECRET_KEY), [...old, ...(file ? [file] : [])]);
	}
	if (settings.DATABASE_URL) {
		throw new SecretError(
			'SECRET_KEY saknas: med DATABASE_URL måste alla serverprocesser dela en nyckel. Skapa en med `openssl rand -base64 32` ' +
				'och sätt SECRET_KEY (spara den säkert, utan den går sparade hemligheter inte att läsa). / SECRET_KEY is required with DATABASE_URL.'
		);
	}
	// A database in memory lives as long as the process; so may its key.
	if (settings.DATA_DIR.startsWith('memory://')) return keyringOf(randomBytes(KEY_BYTES), old);
	return keyringOf(keyFromDataDir(settings.DATA_DIR, true)!, old);
}

let installed: SecretKeyring | undefined;

/** The keyring of this process, loaded on first use (the server loads it at start, so a missing key stops it there). */
export function appKeyring(): SecretKeyring {
	installed ??= loadKeyring(env);
	return installed;
}
