import type { Actor } from '../../policies';

/** Which filing form a person gets: staff (the full one) or pupil (students and guardians: a short one). */
export type FilingForm = 'staff' | 'pupil';

const PUPIL_ROLES = new Set(['student', 'guardian']);

/**
 * Students and guardians — people whose every role at the organizer is student or guardian — get the
 * short form: no lost lessons, no affected students, no category or device type (those are staff
 * figures and staff equipment). Anyone with another role there gets the staff form.
 */
export function filingFormFor(actor: Actor, organizerId: string): FilingForm {
	const mine = actor.assignments.filter((a) => a.organizerId === organizerId);
	return mine.length > 0 && mine.every((a) => PUPIL_ROLES.has(a.role)) ? 'pupil' : 'staff';
}

/** The fields only the staff form has; the server ignores them from a pupil. */
export const STAFF_ONLY_FIELDS = [
	'lostAmount',
	'lostUnit',
	'studentsAffected',
	'deviceType',
	'deviceTag',
	'categoryId',
	'onBehalfOfId'
] as const;
