import { describe, expect, it } from 'vitest';
import { personValues } from './person-values';
import { parseSs12000ConfigInput } from './config-input';

const base = {
	id: 'p1',
	meta: { created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z' },
	givenName: ' Åsa ',
	familyName: 'Öberg'
};

describe('personValues', () => {
	it("prefers the school's address to a private one and lower-cases it and the eppn", () => {
		const v = personValues({
			...base,
			emails: [
				{ value: 'asa@privat.se', type: 'Privat' },
				{ value: 'Asa.Oberg@Skola.se', type: 'Skola personal' }
			],
			eduPersonPrincipalNames: ['ASA@edu.skola.se']
		});
		expect(v).toEqual({
			name: 'Åsa Öberg',
			email: 'asa.oberg@skola.se',
			eppn: 'asa@edu.skola.se',
			protectedIdentity: false,
			status: 'active'
		});
	});

	it('uses a private address only when there is no other, and none when there is none', () => {
		expect(personValues({ ...base, emails: [{ value: 'asa@privat.se', type: 'Privat' }] }).email).toBe('asa@privat.se');
		expect(personValues(base).email).toBeNull();
	});

	it('makes any security marking a protected identity and a person who is not Aktiv inactive', () => {
		expect(personValues({ ...base, securityMarking: 'Sekretessmarkering' }).protectedIdentity).toBe(true);
		expect(personValues({ ...base, securityMarking: 'Skyddad folkbokföring' }).protectedIdentity).toBe(true);
		expect(personValues({ ...base, securityMarking: 'Ingen' }).protectedIdentity).toBe(false);
		expect(personValues({ ...base, personStatus: 'Avliden' }).status).toBe('inactive');
	});
});

describe('parseSs12000ConfigInput', () => {
	it('names each wrong field: the address, the token endpoint and client of OAuth2, a role that cannot be mapped', () => {
		try {
			parseSs12000ConfigInput({ baseUrl: 'ftp://x', authKind: 'oauth2', tokenUrl: '', clientId: '', role_0: 'org_admin' });
			expect.unreachable();
		} catch (e) {
			expect((e as { issues: { field: string }[] }).issues.map((i) => i.field).sort()).toEqual([
				'baseUrl',
				'clientId',
				'role_0',
				'tokenUrl'
			]);
		}
	});

	it('keeps the mapped duty roles and drops the empty ones', () => {
		const input = parseSs12000ConfigInput({
			baseUrl: 'https://ss12000.exempel.se/v2.0',
			authKind: 'bearer',
			role_0: 'principal',
			role_11: ''
		});
		expect(input.roleMap).toEqual({ Rektor: 'principal' });
		expect(input.syncGroups).toBe(false);
	});
});
