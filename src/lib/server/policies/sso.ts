import { isOrgAdmin, type Actor } from './actor';

/**
 * Single sign-on of one organizer (issue 16, decision 050). sso.manage: list, add, change and switch off the
 * organizer's identity providers and decide whether passwords are allowed — organization administrators only
 * (a way in decides who becomes whom, so it is as strong as handing out roles).
 */
export type SsoAction = 'sso.manage';

export const isSsoAction = (action: string): action is SsoAction => action.startsWith('sso.');

/** Rules for single sign-on. Called by `can` in index.ts for the organizer resource. */
export function canSso(actor: Actor, action: SsoAction, organizerId: string): boolean {
	return action === 'sso.manage' && isOrgAdmin(actor, organizerId);
}
