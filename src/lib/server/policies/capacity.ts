import { holds, rolesAt, type Actor } from './actor';
import { KEY_ROLES, type Role } from './roles';

/**
 * Key people's allotted time (issue 15, item 8; decision 043). unitId null asks about the organizer as a whole (may
 * the actor open the page, set an allotment anywhere); with a unit (and its parents) it asks about that unit;
 * personId names the key person an allotment is for.
 */
export type CapacityResource = {
	type: 'capacity';
	organizerId: string;
	unitId: string | null;
	ancestorIds: string[];
	personId?: string | null;
};

/**
 * capacity.view: open the capacity page (administrators, leadership, principals and key people) ·
 * capacity.manage: set, change and end allotments (at a unit: its principal, or a principal above it; organizer-wide
 * administrators and leadership everywhere) · capacity.read: read one allotment and the time spent (those who manage
 * it, and the key person it is for).
 */
export type CapacityAction = 'capacity.view' | 'capacity.manage' | 'capacity.read';

/** Organizer-wide roles that set and read every unit's allotments. */
const CAPACITY_OVERSEERS: readonly Role[] = ['org_admin', 'leadership'];

export const isCapacityAction = (action: string): action is CapacityAction => action.startsWith('capacity.');

/** Rules for the allotments of key people's time. Called by `can` in index.ts. */
export function canCapacity(actor: Actor, action: CapacityAction, r: CapacityResource): boolean {
	if (holds(actor, r.organizerId, CAPACITY_OVERSEERS)) return true;
	const mine = rolesAt(actor, r.organizerId);
	const scope = r.unitId === null ? null : new Set([r.unitId, ...r.ancestorIds]);
	const principalHere = mine.some((a) => a.role === 'principal' && a.unitId !== null && (scope === null || scope.has(a.unitId)));
	switch (action) {
		case 'capacity.view':
			return mine.some((a) => a.unitId !== null && (a.role === 'principal' || KEY_ROLES.includes(a.role)));
		case 'capacity.manage':
			return principalHere;
		case 'capacity.read':
			return (r.unitId !== null && principalHere) || (!!r.personId && r.personId === actor.personId);
	}
}
