import { isOrgAdmin, type Actor } from './actor';

/**
 * Skolverket's school-unit register (issue 16 item 5, decision 055). school_register.manage: import units from the
 * register, see and decide the daily check's differences — organization administrators only, like the unit tree's
 * other bulk changes.
 */
export type SchoolRegisterAction = 'school_register.manage';

export const isSchoolRegisterAction = (action: string): action is SchoolRegisterAction => action.startsWith('school_register.');

/** Rules for the school-unit register. Called by `can` in index.ts for an organizer resource. */
export function canSchoolRegister(actor: Actor, action: SchoolRegisterAction, organizerId: string): boolean {
	switch (action) {
		case 'school_register.manage':
			return isOrgAdmin(actor, organizerId);
	}
}
