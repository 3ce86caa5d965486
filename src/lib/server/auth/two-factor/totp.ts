import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as authenticator apps expect it: SHA-1, six digits, 30-second steps. */
const PERIOD = 30;
const DIGITS = 6;
const ALGORITHM = 'SHA1';
/** Steps of clock drift accepted either side of now (ASVS 4.0 V2.8). */
export const DRIFT_STEPS = 1;

/** A new random secret (160 bits, as RFC 4226 recommends), base32. */
export const newTotpSecret = () => new Secret({ size: 20 }).base32;

/** The 30-second step a moment falls in. */
export const totpStep = (now: Date) => TOTP.counter({ period: PERIOD, timestamp: now.getTime() });

/** The code for a secret at a moment (tests and the e2e suite compute codes this way too). */
export const totpCode = (secretBase32: string, now: Date) =>
	TOTP.generate({
		secret: Secret.fromBase32(secretBase32),
		algorithm: ALGORITHM,
		digits: DIGITS,
		period: PERIOD,
		timestamp: now.getTime()
	});

/** Whether the text looks like a one-time code (six digits, spaces allowed) rather than a recovery code. */
export const looksLikeTotp = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ''));

/**
 * The step whose code `code` is, within ±DRIFT_STEPS of now, or null. The caller refuses a step at or before the
 * last one used, so a code works once.
 */
export function matchTotpStep(secretBase32: string, code: string, now: Date): number | null {
	const token = code.replace(/\s/g, '');
	if (!/^\d{6}$/.test(token)) return null;
	const delta = TOTP.validate({
		token,
		secret: Secret.fromBase32(secretBase32),
		algorithm: ALGORITHM,
		digits: DIGITS,
		period: PERIOD,
		timestamp: now.getTime(),
		window: DRIFT_STEPS
	});
	return delta === null ? null : totpStep(now) + delta;
}

/** The otpauth:// address an authenticator app reads from the QR code or a link. */
export function otpauthUri(secretBase32: string, account: string, issuer = 'Rödtråd') {
	return new TOTP({
		issuer,
		label: account,
		secret: Secret.fromBase32(secretBase32),
		algorithm: ALGORITHM,
		digits: DIGITS,
		period: PERIOD
	}).toString();
}

/** The secret in groups of four, easier to type from the screen. */
export const groupSecret = (secretBase32: string) => secretBase32.match(/.{1,4}/g)?.join(' ') ?? '';
