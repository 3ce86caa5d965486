// Covers: groupSecret, matchTotpStep, newTotpSecret, otpauthUri, totpCode, totpStep, hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes, normalizeRecoveryCode.
import { describe, expect, it } from 'vitest';
import { HOTP, Secret, TOTP } from 'otpauth';
import { groupSecret, matchTotpStep, newTotpSecret, otpauthUri, totpCode, totpStep } from './totp';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from './recovery-codes';

/** RFC 6238 appendix B: the SHA-1 seed is the ASCII text "12345678901234567890". */
const RFC_SECRET = Secret.fromLatin1('12345678901234567890').base32;
const at = (seconds: number) => new Date(seconds * 1000);

describe('one-time codes (RFC 6238)', () => {
	it('gives the RFC test vector at T=59: 94287082 with eight digits, so 287082 with our six', () => {
		expect(TOTP.generate({ secret: Secret.fromBase32(RFC_SECRET), digits: 8, period: 30, algorithm: 'SHA1', timestamp: 59_000 })).toBe(
			'94287082'
		);
		expect(totpCode(RFC_SECRET, at(59))).toBe('287082');
		expect(totpStep(at(59))).toBe(1);
	});

	it('gives the other SHA-1 vectors of the RFC, cut to six digits', () => {
		expect(totpCode(RFC_SECRET, at(1111111109))).toBe('081804');
		expect(totpCode(RFC_SECRET, at(1234567890))).toBe('005924');
		expect(totpCode(RFC_SECRET, at(2000000000))).toBe('279037');
	});

	it('accepts the code in its own 30-second step and says which step it is', () => {
		expect(matchTotpStep(RFC_SECRET, '287082', at(59))).toBe(1);
		expect(matchTotpStep(RFC_SECRET, '287 082', at(31))).toBe(1);
	});

	it('accepts one step of clock drift either way, and no more', () => {
		expect(matchTotpStep(RFC_SECRET, '287082', at(89))).toBe(1); // one step late
		expect(matchTotpStep(RFC_SECRET, '287082', at(29))).toBe(1); // one step early
		expect(matchTotpStep(RFC_SECRET, '287082', at(119))).toBeNull(); // two steps late
		expect(matchTotpStep(RFC_SECRET, '287082', at(1111111109))).toBeNull();
	});

	it('refuses a wrong code and anything that is not six digits', () => {
		expect(matchTotpStep(RFC_SECRET, '287083', at(59))).toBeNull();
		expect(matchTotpStep(RFC_SECRET, '94287082', at(59))).toBeNull();
		expect(matchTotpStep(RFC_SECRET, 'abcdef', at(59))).toBeNull();
		expect(matchTotpStep(RFC_SECRET, '', at(59))).toBeNull();
	});

	it('makes 160-bit secrets that differ, and an otpauth address an app can read', () => {
		const a = newTotpSecret();
		expect(a).toMatch(/^[A-Z2-7]{32}$/);
		expect(newTotpSecret()).not.toBe(a);
		const uri = otpauthUri(a, 'rektor@exempel.se');
		expect(uri).toMatch(/^otpauth:\/\/totp\/R%C3%B6dtr%C3%A5d:rektor%40exempel\.se\?/);
		expect(new URL(uri).searchParams.get('secret')).toBe(a);
		expect(groupSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
	});

	it('the library still agrees with RFC 4226 for a counter (HOTP underneath TOTP)', () => {
		expect(HOTP.generate({ secret: Secret.fromBase32(RFC_SECRET), counter: 1 })).toBe('287082');
	});
});

describe('recovery codes', () => {
	it('makes ten different codes of ten characters in two groups', () => {
		const codes = newRecoveryCodes();
		expect(codes).toHaveLength(10);
		expect(new Set(codes).size).toBe(10);
		for (const c of codes) expect(c).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
	});

	it('matches a code typed in capitals, with spaces or without the hyphen', () => {
		expect(normalizeRecoveryCode(' K3M9X 7QV2D ')).toBe('k3m9x7qv2d');
		expect(hashRecoveryCode('K3M9X-7QV2D')).toBe(hashRecoveryCode('k3m9x7qv2d'));
		expect(hashRecoveryCode('k3m9x7qv2d')).not.toBe(hashRecoveryCode('k3m9x7qv2e'));
		expect(looksLikeRecoveryCode('k3m9x-7qv2d')).toBe(true);
		expect(looksLikeRecoveryCode('ett långt lösenord')).toBe(false);
	});
});
