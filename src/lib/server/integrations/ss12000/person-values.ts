import type { SourcePerson } from './source-types';

/** What Rödtråd keeps of an SS 12000 person: never the civic number, addresses or relations. */
export type PersonValues = {
	name: string;
	email: string | null;
	eppn: string | null;
	protectedIdentity: boolean;
	status: 'active' | 'inactive';
};

const EMAIL_PREFERENCE = ['Skola personal', 'Skola elev', 'Arbete övrigt'];

/**
 * Maps a source person: the name from given and family name, the school's e-mail address before others (a private
 * one only when there is nothing else), the first eduPersonPrincipalName, any security marking as a protected
 * identity, and a person who is no longer Aktiv (emigrated, deceased) as inactive.
 */
export function personValues(p: SourcePerson): PersonValues {
	const emails = (p.emails ?? []).filter((e) => e.value.includes('@'));
	const rank = (t: string) => {
		const i = EMAIL_PREFERENCE.indexOf(t);
		return i === -1 ? EMAIL_PREFERENCE.length : i;
	};
	const email =
		[...emails]
			.sort((a, b) => rank(a.type) - rank(b.type))[0]
			?.value.trim()
			.toLowerCase() ?? null;
	const eppn =
		p.eduPersonPrincipalNames
			?.find((e) => e.trim() !== '')
			?.trim()
			.toLowerCase() ?? null;
	return {
		name: `${p.givenName} ${p.familyName}`.replace(/\s+/g, ' ').trim(),
		email,
		eppn,
		protectedIdentity: p.securityMarking !== undefined && p.securityMarking !== 'Ingen',
		status: (p.personStatus ?? 'Aktiv') === 'Aktiv' ? 'active' : 'inactive'
	};
}

/** How a person is named in the dry run's examples: never the name of a protected identity. */
export const exampleName = (v: PersonValues, sourceId: string) => (v.protectedIdentity ? `skyddad person (${sourceId})` : v.name);
