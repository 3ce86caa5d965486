import { describe, expect, it } from 'vitest';
import type * as client from 'openid-client';
import { accountOf } from './finish-oidc-sign-in';

const token = (c: Record<string, unknown>) => ({ iss: 'https://idp', sub: 's-1', aud: 'a', exp: 0, iat: 0, ...c }) as client.IDToken;

describe('accountOf (the claims matching uses)', () => {
	it('takes Entra’s oid as the subject, and its xms_edov claim as a verified e-mail, since Entra sends no email_verified', () => {
		const base = { oid: 'oid-1', email: 'lena@skola.exempel.se', name: 'Lena' };
		expect(accountOf('entra', token(base))).toMatchObject({ subject: 'oid-1', emailVerified: false });
		for (const v of [true, '1', 1]) expect(accountOf('entra', token({ ...base, xms_edov: v })).emailVerified).toBe(true);
		expect(accountOf('entra', token({ ...base, xms_edov: false })).emailVerified).toBe(false);
		expect(accountOf('entra', token({ ...base, xms_edov: 'true-ish' })).emailVerified).toBe(false);
	});

	it('ignores xms_edov from any other kind of provider, which must say email_verified itself', () => {
		const claims = { email: 'lena@skola.exempel.se', xms_edov: true };
		expect(accountOf('generic', token(claims))).toMatchObject({ subject: 's-1', emailVerified: false });
		expect(accountOf('google', token({ ...claims, email_verified: true })).emailVerified).toBe(true);
	});
});
