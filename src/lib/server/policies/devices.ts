import { holds, rolesAt, type Actor } from './actor';
import type { Role } from './roles';

/**
 * The device register of one organizer (issue 17, decision 049). unitId null asks about the organizer as a whole
 * (may the actor open the register, hand out somewhere); with a unit (and its parents) it asks about a device there;
 * holderId names the person who has the device now.
 */
export type DevicesResource = {
	type: 'devices';
	organizerId: string;
	unitId: string | null;
	ancestorIds: string[];
	holderId?: string | null;
	/** For a repair: the supplier's team it was sent to (null for an internal repair). */
	supplierTeamId?: string | null;
	/** For a loaner pool: true when it is a central pool (no unit), which only organizer-wide managers manage. */
	central?: boolean;
};

/**
 * devices.view: open the register (administrators, central technical support, principals and technical key people) ·
 * devices.manage: register, hand out, return and undo (organizer-wide administrators and central technical support;
 * the technical key person at the device's unit or a unit above it) · devices.models: add device models (organizer-wide
 * only) · devices.read: one device and its history (those who manage it, principals of its unit or a unit above, and
 * the person who has it) · devices.repairs: the repairs list and one repair (those who view the register at the
 * device's unit, and the members of the supplier team the repair was sent to) · devices.pools: manage a loaner pool —
 * its devices, pick-up, return and any booking (organizer-wide managers every pool; the technical key person the pools
 * of their unit and those below, never a central pool) · devices.book: book from a pool and see its calendar (those who
 * manage it, and staff, principals and key people of the pool's unit or a unit above it; a central pool: all of them
 * anywhere in the organizer). Asked without a unit: may the actor use some pool at all.
 */
export type DevicesAction =
	'devices.view' | 'devices.manage' | 'devices.models' | 'devices.read' | 'devices.repairs' | 'devices.pools' | 'devices.book';

/** Roles that may book from their unit's loaner pools (decision 056). */
const POOL_BORROWERS: readonly Role[] = ['staff', 'principal', 'technical_key_person', 'pedagogical_key_person'];

/** Organizer-wide roles that manage every unit's devices. */
export const DEVICE_MANAGERS: readonly Role[] = ['org_admin', 'central_technical_support'];

export const isDevicesAction = (action: string): action is DevicesAction => action.startsWith('devices.');

/** Rules for devices. Called by `can` in index.ts. */
export function canDevices(actor: Actor, action: DevicesAction, r: DevicesResource): boolean {
	if (holds(actor, r.organizerId, DEVICE_MANAGERS)) return true;
	if (action === 'devices.models') return false;
	const mine = rolesAt(actor, r.organizerId);
	const scope = r.unitId === null || r.central ? null : new Set([r.unitId, ...r.ancestorIds]);
	const at = (role: Role) => mine.some((a) => a.role === role && a.unitId !== null && (scope === null || scope.has(a.unitId)));
	switch (action) {
		case 'devices.view':
			return at('technical_key_person') || at('principal');
		case 'devices.manage':
			return at('technical_key_person');
		case 'devices.read':
			return at('technical_key_person') || at('principal') || (!!r.holderId && r.holderId === actor.personId);
		case 'devices.pools':
			return !r.central && at('technical_key_person');
		case 'devices.book':
			return POOL_BORROWERS.some(at);
		case 'devices.repairs': {
			if (at('technical_key_person') || at('principal')) return true;
			return !!r.supplierTeamId && (actor.teamIds ?? []).includes(r.supplierTeamId);
		}
	}
}
