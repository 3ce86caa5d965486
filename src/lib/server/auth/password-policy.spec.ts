// Covers: passwordProblem, newPasswordSchema.
import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';
import { newPasswordSchema } from './new-password-fields';

describe('the password policy', () => {
	it('refuses short, common and repetitive passwords', () => {
		expect(passwordProblem('kort')).toBe('error_password_short');
		expect(passwordProblem('aaaaaaaaaaaa')).toBe('signin_password_common');
		expect(passwordProblem('abababababab')).toBe('signin_password_common');
		// On the list of common passwords, in any case and with spaces around.
		expect(passwordProblem('123456789012')).toBe('signin_password_common');
		expect(passwordProblem(' 123456789012 ')).toBe('signin_password_common');
		expect(passwordProblem('x'.repeat(201))).toBe('error_too_long');
	});

	it('accepts the demo password, the e2e administrator password and a passphrase', () => {
		expect(passwordProblem('rodtrad-demo-2026')).toBeNull();
		expect(passwordProblem('ett riktigt långt lösenord')).toBeNull();
		expect(passwordProblem('korrekt häst batteri häftklammer')).toBeNull();
	});

	it('puts the message on the new-password field', () => {
		const r = newPasswordSchema.safeParse({ newPassword: 'aaaaaaaaaaaa', newPasswordRepeat: 'aaaaaaaaaaaa' });
		expect(r.success).toBe(false);
		expect(r.error!.issues[0]).toMatchObject({ path: ['newPassword'], message: 'signin_password_common' });
	});
});
