import { holds, isOrgAdmin, isSystemAdmin, rolesAt, type Actor } from './actor';
import type { Resource, UnitResource } from './resource';
import { ORGANIZER_WIDE_ROLES } from './roles';
import { servesOrganizer } from './support';

/** Organizer-level actions reserved for organization administrators. */
const ADMIN_ACTIONS: readonly string[] = [
	'organizer.administer',
	'unit.manage',
	'person.manage',
	'role.assign',
	'import.run',
	'audit.view',
	'outbox.view',
	'statement.edit'
];

/** The installation: only a system administrator administers it. */
export const canInstance = (actor: Actor, action: string) => action === 'instance.administer' && isSystemAdmin(actor);

/** The organizer itself: who opens its pages, who is a member, what its administrators alone do (units, people, roles, imports, logs). */
export function canOrganizer(actor: Actor, action: string, organizerId: string): boolean {
	// A supplier's team serving the organizer opens its pages (the support queue and cases); nothing else.
	if (action === 'organizer.view') return rolesAt(actor, organizerId).length > 0 || servesOrganizer(actor, organizerId);
	if (action === 'organizer.member') return rolesAt(actor, organizerId).length > 0;
	return ADMIN_ACTIONS.includes(action) && isOrgAdmin(actor, organizerId);
}

/** A unit: organizer-wide roles see every unit, a unit role its unit and the units below it. */
export function canUnit(actor: Actor, action: string, r: UnitResource): boolean {
	if (action !== 'unit.view') return false;
	const scope = new Set([r.unitId, ...r.ancestorIds]);
	return (
		holds(actor, r.organizerId, ORGANIZER_WIDE_ROLES) || rolesAt(actor, r.organizerId).some((a) => a.unitId !== null && scope.has(a.unitId))
	);
}

/** A person's identity, which belongs to the installation (decision 018). */
export function canIdentity(actor: Actor, action: string, r: Extract<Resource, { type: 'identity' }>): boolean {
	const self = actor.personId === r.personId;
	const systemAdmin = isSystemAdmin(actor);
	// Accepting or declining an invitation: the person, or a system administrator on their behalf.
	if (action === 'invitation.respond') return self || systemAdmin;
	if (action !== 'identity.manage') return false;
	if (self || systemAdmin) return true;
	// An organizer's administrator manages only an identity that is theirs alone: one membership, theirs,
	// and not a system administrator's (otherwise changing an e-mail would hand over an account).
	const [only, ...others] = r.organizerIds;
	return !r.systemAdmin && others.length === 0 && only !== undefined && isOrgAdmin(actor, only);
}

/** A person's page at an organizer: administrators see everyone, leadership everyone without a protected identity. */
export function canPerson(actor: Actor, action: string, r: Extract<Resource, { type: 'person' }>): boolean {
	if (action !== 'person.view') return false;
	if (isOrgAdmin(actor, r.organizerId)) return true;
	if (r.protectedIdentity) return false;
	return holds(actor, r.organizerId, ['leadership']);
}
