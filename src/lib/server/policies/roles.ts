/** Every role Rödtråd knows. Labels live in the message files (role_<name>). */
export const ROLES = [
	'system_admin',
	'org_admin',
	'leadership',
	'principal',
	'pedagogical_key_person',
	'technical_key_person',
	'central_pedagogical_support',
	'central_technical_support',
	'supplier',
	'staff',
	'student',
	'guardian',
	'reader',
	'data_protection_officer'
] as const;

export type Role = (typeof ROLES)[number];

/** Roles that see the whole organizer even when the assignment names no unit. */
export const ORGANIZER_WIDE_ROLES: readonly Role[] = [
	'org_admin',
	'leadership',
	'central_pedagogical_support',
	'central_technical_support',
	'reader',
	'data_protection_officer'
];

/** Roles an organization administrator may hand out (system_admin is instance-wide). */
export const ASSIGNABLE_ROLES = ROLES.filter((r) => r !== 'system_admin');

export const isRole = (v: string): v is Role => (ROLES as readonly string[]).includes(v);

// --- Role lists the rules share. Each is defined here once and used by the `can` rules and by the SQL
// conditions that mirror them (support-visibility.ts), so the two cannot drift apart. ---

/** The unit's own team: runs the self-assessment and agrees the unit's levels. */
export const UNIT_TEAM_ROLES: readonly Role[] = ['principal', 'pedagogical_key_person', 'technical_key_person'];
/** Organizer-wide roles that read every unit's self-assessment results. */
export const REPORT_READERS: readonly Role[] = [
	'org_admin',
	'leadership',
	'reader',
	'central_pedagogical_support',
	'central_technical_support'
];

/** Central support of both chains (organizer-wide, line 1 and 2). */
export const CENTRAL_ROLES: readonly Role[] = ['central_technical_support', 'central_pedagogical_support'];
/** Key people of both chains (at a unit, line 1). */
export const KEY_ROLES: readonly Role[] = ['technical_key_person', 'pedagogical_key_person'];
/** The line-1 key-person role of each support chain. */
export const KEY_PERSON_OF = { technical: 'technical_key_person', pedagogical: 'pedagogical_key_person' } as const satisfies Record<
	string,
	Role
>;
/** The central-support role of each support chain. */
export const CENTRAL_OF = {
	technical: 'central_technical_support',
	pedagogical: 'central_pedagogical_support'
} as const satisfies Record<string, Role>;
/** Organizer-wide roles that see (watch) every case of the organizer. */
export const CASE_OVERSEERS: readonly Role[] = ['org_admin', ...CENTRAL_ROLES];
/** Roles that handle a line of the support chain (key people at line 1, central support at lines 1–2). */
export const LINE_HANDLER_ROLES: readonly Role[] = [...KEY_ROLES, ...CENTRAL_ROLES];
