import { randomInt } from 'node:crypto';
import { hashToken } from '../tokens';

/** How many recovery codes a person gets at set-up. */
export const RECOVERY_CODE_COUNT = 10;

/** Crockford's base32 in lower case: no i, l, o, u, so nothing is mistaken for another letter. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** One code: ten characters (50 random bits) shown as two groups of five, e.g. "k3m9x-7qv2d". */
function newRecoveryCode() {
	let s = '';
	for (let i = 0; i < 10; i++) s += ALPHABET[randomInt(ALPHABET.length)];
	return `${s.slice(0, 5)}-${s.slice(5)}`;
}

export const newRecoveryCodes = () => Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);

/** The code as typed, without spaces, hyphens or case, so "K3M9X 7QV2D" matches. */
export const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '').slice(0, 40);

/** Whether the text has a recovery code's shape (ten letters and digits, maybe split in two). */
export const looksLikeRecoveryCode = (code: string) => /^[0-9a-z]{5}[\s-]?[0-9a-z]{5}$/i.test(code.trim());

/** What is stored: the SHA-256 of the normalized code (50 random bits need no slow hash). */
export const hashRecoveryCode = (code: string) => hashToken(normalizeRecoveryCode(code));
