import { dictionary } from '@zxcvbn-ts/language-common';
import { MIN_PASSWORD_LENGTH } from './password';

/** Fewer different characters than this is a pattern, not a password (`aaaaaaaaaaaa`, `abababababab`). */
const MIN_DISTINCT_CHARACTERS = 5;

let common: Set<string> | undefined;
/** The ~49 000 most common passwords from breaches (zxcvbn-ts's common list), lower-cased, loaded on first use. */
function commonPasswords(): Set<string> {
	common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
	return common;
}

/**
 * What is wrong with a new password, as a message key, or null when it is good enough:
 * at least MIN_PASSWORD_LENGTH characters, not one of the common or breached passwords
 * (compared without regard to case or surrounding spaces), and not one or a few characters repeated.
 */
export function passwordProblem(password: string): 'error_password_short' | 'error_too_long' | 'signin_password_common' | null {
	if (password.length < MIN_PASSWORD_LENGTH) return 'error_password_short';
	if (password.length > 200) return 'error_too_long';
	const folded = password.normalize('NFC').trim().toLowerCase();
	if (commonPasswords().has(folded)) return 'signin_password_common';
	if (new Set(folded).size < MIN_DISTINCT_CHARACTERS) return 'signin_password_common';
	return null;
}
