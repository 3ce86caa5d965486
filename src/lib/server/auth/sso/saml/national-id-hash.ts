import { createHmac, hkdfSync } from 'node:crypto';
import { appKeyring, type SecretKeyring } from '../../../crypto/secrets';

const INFO = 'rodtrad national id hash v1';

/**
 * A keyed hash of a personnummer (decision 054): HMAC-SHA-256 under a key derived with HKDF from the installation
 * key, so the number cannot be found again by hashing every possible personnummer without that key. Digits only,
 * 10-digit numbers compared as they come (no century guessed). Null for anything that is not 10 or 12 digits.
 */
export function nationalIdHash(value: string, keyring: SecretKeyring = appKeyring()): string | null {
	const digits = value.replace(/[\s+-]/g, '');
	if (!/^(\d{10}|\d{12})$/.test(digits)) return null;
	const secret = keyring.keys.get(keyring.currentId)!;
	const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), INFO, 32));
	return createHmac('sha256', key).update(digits).digest('base64url');
}
