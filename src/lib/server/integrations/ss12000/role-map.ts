import { ASSIGNABLE_ROLES } from '../../policies/roles';

/**
 * The duty roles a new configuration maps (decision 051): teaching staff become `staff`, principals `principal`.
 * Other duty roles are skipped until the administrator maps them.
 */
export const DEFAULT_ROLE_MAP: Readonly<Record<string, string>> = {
	Rektor: 'principal',
	Förskolechef: 'principal',
	Lärare: 'staff',
	Förskollärare: 'staff',
	Förstelärare: 'staff',
	Fritidspedagog: 'staff',
	Lärarassistent: 'staff',
	'Speciallärare/specialpedagog': 'staff'
};

/** SS 12000's duty roles (Code_DutyRole), in the standard's order. */
export const DUTY_ROLES = [
	'Rektor',
	'Lärare',
	'Förskollärare',
	'Barnskötare',
	'Bibliotekarie',
	'Lärarassistent',
	'Fritidspedagog',
	'Annan personal',
	'Studie- och yrkesvägledare',
	'Förstelärare',
	'Kurator',
	'Skolsköterska',
	'Skolläkare',
	'Skolpsykolog',
	'Speciallärare/specialpedagog',
	'Skoladministratör',
	'Övrig arbetsledning',
	'Övrig pedagogisk personal',
	'Förskolechef'
] as const;

/** Roles a duty may map to: unit-level roles only (an organizer-wide role from a school's duty would be too much). */
export const MAPPABLE_ROLES = ASSIGNABLE_ROLES.filter((r) =>
	['principal', 'pedagogical_key_person', 'technical_key_person', 'staff'].includes(r)
);
