import type { AccountClaims } from '../match-account';

/** Attribute names, by the OID a federation sends and the LDAP name some IdPs send instead. */
const ATTRIBUTES = {
	eppn: ['urn:oid:1.3.6.1.4.1.5923.1.1.1.6', 'eduPersonPrincipalName'],
	mail: ['urn:oid:0.9.2342.19200300.100.1.3', 'mail', 'email', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress'],
	givenName: ['urn:oid:2.5.4.42', 'givenName', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname'],
	sn: ['urn:oid:2.5.4.4', 'sn', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname'],
	displayName: ['urn:oid:2.16.840.1.113730.3.1.241', 'displayName', 'http://schemas.microsoft.com/identity/claims/displayname'],
	// The SIS (SS 12000) attribute for the school unit a person belongs to; the OID as Skolfederation's attribute profile gives it.
	schoolUnitCode: ['urn:oid:1.2.752.194.10.2.4', 'sisSchoolUnitCode']
} as const;

/** The personnummer attributes an organizer may map (decision 054); nothing else is ever read as one. */
export const NATIONAL_ID_ATTRIBUTES = {
	norEduPersonNIN: ['urn:oid:1.3.6.1.4.1.2428.90.1.5', 'norEduPersonNIN'],
	schacPersonalUniqueID: ['urn:oid:1.3.6.1.4.1.25178.1.2.15', 'schacPersonalUniqueID']
} as const;
export type NationalIdAttribute = keyof typeof NATIONAL_ID_ATTRIBUTES;
export const isNationalIdAttribute = (v: unknown): v is NationalIdAttribute => typeof v === 'string' && v in NATIONAL_ID_ATTRIBUTES;

const PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';

/** A validated assertion's subject and attributes, as node-saml gives them (one value a string, several an array). */
export type SamlProfile = { nameID?: string; nameIDFormat?: string; [attribute: string]: unknown };

/** The first non-empty value of the first of `names` the assertion carries. */
function first(profile: SamlProfile, names: readonly string[]): string | null {
	for (const name of names) {
		const raw = profile[name];
		for (const v of Array.isArray(raw) ? raw : [raw]) if (typeof v === 'string' && v.trim()) return v.trim();
	}
	return null;
}

/**
 * What matching needs from a SAML assertion (decision 054): the subject is eduPersonPrincipalName, else a persistent
 * NameID (a transient one changes at every sign-in and cannot be linked); mail, the name from displayName or
 * givenName + sn, and sisSchoolUnitCode for the unit a new person is placed at. A personnummer is read only from the
 * attribute the organizer mapped, and comes back as `nationalId` for the caller to hash — never stored as it is.
 * The mail is taken as verified: it comes from the organizer's own directory, and linking by it still needs the
 * organizer's "link by e-mail" switch and the rules of decision 050.
 */
export function samlAccount(
	profile: SamlProfile,
	opts: { nationalIdAttribute?: string | null } = {}
): AccountClaims & { nationalId: string | null } {
	const eppn = first(profile, ATTRIBUTES.eppn);
	const persistent = profile.nameIDFormat === PERSISTENT && typeof profile.nameID === 'string' ? profile.nameID.trim() : '';
	const mail = first(profile, ATTRIBUTES.mail);
	const given = [first(profile, ATTRIBUTES.givenName), first(profile, ATTRIBUTES.sn)].filter(Boolean).join(' ');
	const code = first(profile, ATTRIBUTES.schoolUnitCode);
	const mapped = isNationalIdAttribute(opts.nationalIdAttribute) ? NATIONAL_ID_ATTRIBUTES[opts.nationalIdAttribute] : null;
	return {
		subject: (eppn ?? persistent).slice(0, 300),
		email: mail && mail.includes('@') ? mail : null,
		emailVerified: !!mail,
		name: first(profile, ATTRIBUTES.displayName) ?? (given || null),
		schoolUnitCode: code && /^\d{8}$/.test(code) ? code : null,
		nationalId: mapped ? first(profile, mapped) : null
	};
}
