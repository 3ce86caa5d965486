import { isOrgAdmin, type Actor } from './actor';

/**
 * The organizer's SS 12000 sync (issue 16, decision 051). ss12000.manage: see the configuration and the runs, change
 * the configuration, start a sync or a dry run — organization administrators only, since a sync creates people and
 * gives roles.
 */
export type Ss12000Action = 'ss12000.manage';

export const isSs12000Action = (action: string): action is Ss12000Action => action.startsWith('ss12000.');

/** Rules for the SS 12000 sync. Called by `can` in index.ts for an organizer resource. */
export function canSs12000(actor: Actor, action: Ss12000Action, organizerId: string): boolean {
	switch (action) {
		case 'ss12000.manage':
			return isOrgAdmin(actor, organizerId);
	}
}
