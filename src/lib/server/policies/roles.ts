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
	'reader'
] as const;

export type Role = (typeof ROLES)[number];

/** Roles that see the whole organizer even when the assignment names no unit. */
export const ORGANIZER_WIDE_ROLES: readonly Role[] = [
	'org_admin',
	'leadership',
	'central_pedagogical_support',
	'central_technical_support',
	'reader'
];

/** Roles an organization administrator may hand out (system_admin is instance-wide). */
export const ASSIGNABLE_ROLES = ROLES.filter((r) => r !== 'system_admin');

export const isRole = (v: string): v is Role => (ROLES as readonly string[]).includes(v);
