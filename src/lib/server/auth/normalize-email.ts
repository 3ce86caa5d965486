/** The longest e-mail address there can be (RFC 5321: a 254-character path). */
export const MAX_EMAIL_LENGTH = 254;

/**
 * An e-mail address as it is compared and used in keys: trimmed, lower-cased and in Unicode NFC, so
 * "Åsa@X.se " and "åsa@x.se" (typed with a combining ring) are one address. Null when it is longer than
 * any address can be, before it reaches a rate-limit key or an index.
 */
export function normalizeEmail(input: string): string | null {
	if (input.length > MAX_EMAIL_LENGTH * 4) return null;
	const email = input.normalize('NFC').trim().toLowerCase();
	return email.length > MAX_EMAIL_LENGTH ? null : email;
}
