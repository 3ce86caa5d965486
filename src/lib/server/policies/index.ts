import { AppError } from '../errors';
import { ORGANIZER_WIDE_ROLES, type Role } from './roles';

/** A role the actor holds today (date-filtered when loaded). */
export type ActiveAssignment = { organizerId: string | null; unitId: string | null; role: Role };

/** Who is asking. Built once per request from the session. */
export type Actor = {
	personId: string;
	name: string;
	assignments: ActiveAssignment[];
};

export type Resource =
	| { type: 'instance' }
	| { type: 'organizer'; organizerId: string }
	/** ancestorIds: the unit's parents up to the root, so a rektorsområde role covers its skolenheter. */
	| { type: 'unit'; organizerId: string; unitId: string; ancestorIds: string[] }
	| { type: 'person'; organizerId: string; protectedIdentity: boolean };

export type Action =
	| 'instance.administer'
	| 'organizer.view'
	| 'organizer.administer'
	| 'unit.view'
	| 'unit.manage'
	| 'person.view'
	| 'person.manage'
	| 'role.assign'
	| 'import.run'
	| 'audit.view'
	| 'outbox.view'
	| 'statement.edit';

/** Organizer-level actions reserved for organization administrators. */
const ADMIN_ACTIONS: readonly Action[] = [
	'organizer.administer',
	'unit.manage',
	'person.manage',
	'role.assign',
	'import.run',
	'audit.view',
	'outbox.view',
	'statement.edit'
];

const rolesAt = (actor: Actor, organizerId: string) =>
	actor.assignments.filter((a) => a.organizerId === organizerId);

const holds = (actor: Actor, organizerId: string, roles: readonly Role[]) =>
	rolesAt(actor, organizerId).some((a) => roles.includes(a.role) && a.unitId === null);

const isOrgAdmin = (actor: Actor, organizerId: string) => holds(actor, organizerId, ['org_admin']);

/**
 * The single answer to "may this actor do this?". Every route and every mutating
 * domain function asks here; nothing checks a role by hand.
 */
export function can(actor: Actor | null, action: Action, resource: Resource): boolean {
	if (!actor) return false;
	switch (resource.type) {
		case 'instance':
			return action === 'instance.administer' && actor.assignments.some((a) => a.role === 'system_admin');
		case 'organizer': {
			const id = resource.organizerId;
			if (action === 'organizer.view') return rolesAt(actor, id).length > 0;
			if (ADMIN_ACTIONS.includes(action)) return isOrgAdmin(actor, id);
			return false;
		}
		case 'unit': {
			if (action !== 'unit.view') return false;
			const mine = rolesAt(actor, resource.organizerId);
			const scope = new Set([resource.unitId, ...resource.ancestorIds]);
			return mine.some(
				(a) =>
					(a.unitId === null && ORGANIZER_WIDE_ROLES.includes(a.role)) ||
					(a.unitId !== null && scope.has(a.unitId))
			);
		}
		case 'person': {
			if (action !== 'person.view') return false;
			if (isOrgAdmin(actor, resource.organizerId)) return true;
			if (resource.protectedIdentity) return false;
			return holds(actor, resource.organizerId, ['leadership']);
		}
	}
}

/** Throws FORBIDDEN unless `can` says yes. First line of every mutating domain function. */
export function authorize(actor: Actor | null, action: Action, resource: Resource): asserts actor is Actor {
	if (!actor) throw new AppError('UNAUTHENTICATED', 'Inte inloggad');
	if (!can(actor, action, resource)) throw new AppError('FORBIDDEN', `Not allowed: ${action}`);
}
