import { AppError } from '../errors';
import { ORGANIZER_WIDE_ROLES, type Role } from './roles';
import { canForum, canPlan, type ForumAction, type ForumResource, type PlanningAction, type PlanResource } from './planning';
import { canSupport, servesOrganizer, type SupportAction, type SupportScope, type TicketResource } from './support';

export type { SupportAction, SupportScope, TicketResource } from './support';
export type { PlanningAction, PlanResource } from './planning';
export type { ForumAction, ForumResource } from './planning';

/** A role the actor holds today (date-filtered when loaded). */
export type ActiveAssignment = { organizerId: string | null; unitId: string | null; role: Role };

/** Who is asking. Built once per request from the session. */
export type Actor = {
	personId: string;
	name: string;
	assignments: ActiveAssignment[];
	/** Support teams (2nd/3rd line) the person belongs to. */
	teamIds?: string[];
	/** Organizers those teams serve (the owning organizer included): where the person may open the support queue. */
	servedOrganizerIds?: string[];
};

export type Resource =
	| { type: 'instance' }
	| { type: 'organizer'; organizerId: string }
	/** ancestorIds: the unit's parents up to the root, so a rektorsområde role covers its skolenheter. */
	| { type: 'unit'; organizerId: string; unitId: string; ancestorIds: string[] }
	| { type: 'person'; organizerId: string; protectedIdentity: boolean }
	/**
	 * A person's identity (e-mail, eppn, name, password, status, protected flag), which belongs to the installation
	 * (decision 018). organizerIds: every organizer the person is a member of; systemAdmin: whether they hold it.
	 */
	| { type: 'identity'; personId: string; organizerIds: string[]; systemAdmin: boolean }
	| SupportScope
	| TicketResource
	| PlanResource
	| ForumResource;

export type Action =
	| 'instance.administer'
	| 'organizer.view'
	| 'organizer.member'
	| 'organizer.administer'
	| 'unit.view'
	| 'unit.manage'
	| 'person.view'
	| 'person.manage'
	| 'identity.manage'
	| 'invitation.respond'
	| 'role.assign'
	| 'import.run'
	| 'audit.view'
	| 'outbox.view'
	| 'statement.edit'
	| 'assessment.manage'
	| 'assessment.organizer_report'
	| 'assessment.answer'
	| 'assessment.consensus'
	| 'assessment.unit_report'
	| 'assessment.area_report'
	| SupportAction
	| PlanningAction
	| ForumAction;

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

const rolesAt = (actor: Actor, organizerId: string) => actor.assignments.filter((a) => a.organizerId === organizerId);

const holds = (actor: Actor, organizerId: string, roles: readonly Role[]) =>
	rolesAt(actor, organizerId).some((a) => roles.includes(a.role) && a.unitId === null);

const isOrgAdmin = (actor: Actor, organizerId: string) => holds(actor, organizerId, ['org_admin']);

/** The unit's own team: runs the self-assessment and agrees the unit's levels. */
const UNIT_TEAM_ROLES: readonly Role[] = ['principal', 'pedagogical_key_person', 'technical_key_person'];
/** Organizer-wide roles that read every unit's results. */
const REPORT_READERS: readonly Role[] = ['org_admin', 'leadership', 'reader', 'central_pedagogical_support', 'central_technical_support'];
/** Which self-assessment perspective each unit role answers from. */
const PERSPECTIVE_OF: Partial<Record<Role, string>> = {
	principal: 'leadership',
	staff: 'staff',
	pedagogical_key_person: 'key_people',
	technical_key_person: 'key_people',
	student: 'students'
};

/** The perspectives an actor may answer a unit's self-assessment from (by their roles at or above the unit). */
export function answerPerspectives(actor: Actor | null, unit: Extract<Resource, { type: 'unit' }>): string[] {
	if (!actor) return [];
	const scope = new Set([unit.unitId, ...unit.ancestorIds]);
	const out = actor.assignments
		.filter((a) => a.organizerId === unit.organizerId && a.unitId !== null && scope.has(a.unitId))
		.flatMap((a) => (PERSPECTIVE_OF[a.role] ? [PERSPECTIVE_OF[a.role]!] : []));
	return [...new Set(out)];
}

/**
 * The single answer to "may this actor do this?". Every route and every mutating
 * domain function asks here; nothing checks a role by hand.
 */
export function can(actor: Actor | null, action: Action, resource: Resource): boolean {
	if (!actor) return false;
	switch (resource.type) {
		case 'support':
		case 'ticket':
			return canSupport(actor, action, resource);
		case 'plan':
			return canPlan(actor, action, resource);
		case 'forum':
			return canForum(actor, action, resource);
		case 'instance':
			return action === 'instance.administer' && actor.assignments.some((a) => a.role === 'system_admin');
		case 'organizer': {
			const id = resource.organizerId;
			// A supplier's team serving the organizer opens its pages (the support queue and cases); nothing else.
			if (action === 'organizer.view') return rolesAt(actor, id).length > 0 || servesOrganizer(actor, id);
			if (action === 'organizer.member') return rolesAt(actor, id).length > 0;
			if (action === 'planning.view' || action === 'planning.configure') return canPlan(actor, action, resource);
			if (ADMIN_ACTIONS.includes(action)) return isOrgAdmin(actor, id);
			if (action === 'assessment.manage') return holds(actor, id, ['org_admin', 'leadership']);
			if (action === 'assessment.organizer_report') return holds(actor, id, REPORT_READERS);
			return false;
		}
		case 'unit': {
			const mine = rolesAt(actor, resource.organizerId);
			const scope = new Set([resource.unitId, ...resource.ancestorIds]);
			const atUnit = (roles: readonly Role[]) => mine.some((a) => a.unitId !== null && scope.has(a.unitId) && roles.includes(a.role));
			const orgWide = (roles: readonly Role[]) => mine.some((a) => a.unitId === null && roles.includes(a.role));
			switch (action) {
				case 'unit.view':
					return orgWide(ORGANIZER_WIDE_ROLES) || mine.some((a) => a.unitId !== null && scope.has(a.unitId));
				case 'assessment.answer':
					return answerPerspectives(actor, resource).length > 0;
				case 'assessment.consensus':
					return atUnit(UNIT_TEAM_ROLES);
				case 'assessment.unit_report':
					return atUnit(UNIT_TEAM_ROLES) || orgWide(REPORT_READERS);
				// Issue 14 item 6: a principal reads the roll-up of the units at or under their unit (a rektorsområde's
				// schools); organizer-wide report readers read every area.
				case 'assessment.area_report':
					return atUnit(['principal']) || orgWide(REPORT_READERS);
				default:
					return false;
			}
		}
		case 'identity': {
			const self = actor.personId === resource.personId;
			const systemAdmin = actor.assignments.some((a) => a.role === 'system_admin');
			// Accepting or declining an invitation: the person, or a system administrator on their behalf.
			if (action === 'invitation.respond') return self || systemAdmin;
			if (action !== 'identity.manage') return false;
			if (self || systemAdmin) return true;
			// An organizer's administrator manages only an identity that is theirs alone: one membership, theirs,
			// and not a system administrator's (otherwise changing an e-mail would hand over an account).
			const [only, ...others] = resource.organizerIds;
			return !resource.systemAdmin && others.length === 0 && only !== undefined && isOrgAdmin(actor, only);
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
