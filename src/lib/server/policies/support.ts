import type { Actor } from './actor';
import { CASE_OVERSEERS, CENTRAL_OF, CENTRAL_ROLES, KEY_PERSON_OF, KEY_ROLES, LINE_HANDLER_ROLES, type Role } from './roles';

export { CENTRAL_OF, KEY_PERSON_OF } from './roles';

export type Chain = 'technical' | 'pedagogical';
export type Line = 1 | 2 | 3;

/** The support chain of an organizer, or of one unit in it (filing, queues, follow-up, settings). */
export type SupportScope = {
	type: 'support';
	organizerId: string;
	/** The unit a case is filed for or a follow-up page is about; null for the whole organizer. */
	unitId: string | null;
	ancestorIds: string[];
	/** The organizer's choice of who besides staff may file cases. */
	filing?: { students: boolean; guardians: boolean };
};

/** One case, with what the rules need to know about it. */
export type TicketResource = {
	type: 'ticket';
	organizerId: string;
	unitId: string;
	ancestorIds: string[];
	chain: Chain;
	line: Line;
	requesterId: string;
	filedById: string;
	/** The team holding the case now (line 2 or 3). */
	teamId: string | null;
	/** Every team that has held the case; they keep watching it. */
	teamIds: string[];
	/** Those of teamIds (and teamId) that are suppliers (line 3). Unknown (absent): every team counts as a supplier. */
	supplierTeamIds?: string[];
	solvedById: string | null;
	state: string;
};

export type SupportAction =
	| 'support.file'
	| 'support.file_on_behalf'
	| 'support.configure'
	| 'support.queue'
	| 'support.followup'
	| 'support.handle'
	| 'ticket.view'
	| 'ticket.internal'
	| 'ticket.staff_notes'
	| 'ticket.work'
	| 'ticket.respond'
	| 'ticket.rate'
	| 'ticket.note'
	| 'ticket.chase';

/** Who reads the organizer's support figures. */
const FOLLOWUP_READERS: readonly Role[] = ['org_admin', 'leadership', 'reader', ...CENTRAL_ROLES];
/** Roles that open the organizer's support queue (at a unit or organizer-wide); team members get it where their team serves. */
const QUEUE_ROLES: readonly Role[] = [...KEY_ROLES, ...CENTRAL_ROLES, 'supplier', 'org_admin'];
/** Roles at a unit that file cases for someone else (a mentor for a young student). */
const ON_BEHALF_ROLES: readonly Role[] = ['staff', 'principal', ...KEY_ROLES];

function helpers(actor: Actor, organizerId: string, unitId: string | null, ancestorIds: string[]) {
	const mine = actor.assignments.filter((a) => a.organizerId === organizerId);
	const scope = new Set(unitId ? [unitId, ...ancestorIds] : []);
	return {
		mine,
		orgWide: (roles: readonly Role[]) => mine.some((a) => a.unitId === null && roles.includes(a.role)),
		atUnit: (roles: readonly Role[]) => mine.some((a) => a.unitId !== null && scope.has(a.unitId) && roles.includes(a.role))
	};
}

/** Whether one of the actor's (unarchived) support teams serves the organizer. */
export const servesOrganizer = (actor: Actor, organizerId: string) => (actor.servedOrganizerIds ?? []).includes(organizerId);

/** Rules for the support chain. Called by `can` in index.ts; nothing else checks roles for support. */
export function canSupport(actor: Actor, action: string, r: SupportScope | TicketResource): boolean {
	const { mine, orgWide, atUnit } = helpers(actor, r.organizerId, r.unitId, r.ancestorIds);
	const teams = new Set(actor.teamIds ?? []);
	if (r.type === 'support') {
		switch (action) {
			case 'support.configure':
				return orgWide(['org_admin']);
			case 'support.queue':
				return mine.some((a) => QUEUE_ROLES.includes(a.role)) || servesOrganizer(actor, r.organizerId);
			// Handles a line somewhere in the organizer's chain: a key person or central support, or a team serving it
			// (the queue opens on "unassigned at my line" for them).
			case 'support.handle':
				return mine.some((a) => LINE_HANDLER_ROLES.includes(a.role)) || servesOrganizer(actor, r.organizerId);
			case 'support.followup':
				return orgWide(FOLLOWUP_READERS) || (r.unitId !== null && atUnit(['principal', ...KEY_ROLES]));
			case 'support.file': {
				if (!r.unitId) return false;
				if (orgWide(['org_admin', 'leadership', ...CENTRAL_ROLES])) return true;
				const allowed = mine.filter((a) => a.unitId !== null && new Set([r.unitId, ...r.ancestorIds]).has(a.unitId));
				return allowed.some(
					(a) =>
						(a.role !== 'student' && a.role !== 'guardian') ||
						(a.role === 'student' && !!r.filing?.students) ||
						(a.role === 'guardian' && !!r.filing?.guardians)
				);
			}
			case 'support.file_on_behalf':
				return r.unitId !== null && atUnit(ON_BEHALF_ROLES);
			default:
				return false;
		}
	}
	const requester = actor.personId === r.requesterId || actor.personId === r.filedById;
	const handlerNow =
		(r.line === 1 && (atUnit([KEY_PERSON_OF[r.chain]]) || orgWide([CENTRAL_OF[r.chain]]))) ||
		(r.line === 2 && (orgWide([CENTRAL_OF[r.chain]]) || (r.teamId !== null && teams.has(r.teamId)))) ||
		(r.line === 3 && r.teamId !== null && teams.has(r.teamId));
	const watcher = orgWide(CASE_OVERSEERS) || atUnit(KEY_ROLES) || r.teamIds.some((t) => teams.has(t));
	switch (action) {
		case 'ticket.view':
			return requester || watcher || handlerNow;
		case 'ticket.internal':
			return watcher || handlerNow;
		case 'ticket.staff_notes': {
			// Internal notes for the organization's staff: everyone who reads internal notes but a supplier, i.e. someone
			// who reaches the case only through line-3 teams. Suppliers read only notes for all lines.
			if (!(watcher || handlerNow)) return false;
			if (orgWide(CASE_OVERSEERS) || atUnit(KEY_ROLES)) return true;
			const suppliers = r.supplierTeamIds ? new Set(r.supplierTeamIds) : null;
			const mineHeld = [...r.teamIds, ...(r.teamId ? [r.teamId] : [])].filter((t) => teams.has(t));
			return !!suppliers && mineHeld.some((t) => !suppliers.has(t));
		}
		case 'ticket.work':
			return handlerNow;
		case 'ticket.respond':
			return requester;
		case 'ticket.rate':
			return requester && actor.personId !== r.solvedById && (r.state === 'solved' || r.state === 'closed');
		default:
			return canCasePage(action, r, { handlerNow, watcher, earlierLine: earlierLine(r, teams, handlerNow, orgWide, atUnit) });
	}
}

// --- One case page (issue 14, decision 027): what the lines that handed a case on may still do. ---

/**
 * Whether the actor handled the case at a line it has since left: a line-1 handler of the chain once the case
 * is at line 2 or 3, central support once it is at line 3, or a member of a team that held it and holds it no
 * more. Someone who handles it now is no earlier line.
 */
function earlierLine(
	r: TicketResource,
	teams: Set<string>,
	handlerNow: boolean,
	orgWide: (roles: readonly Role[]) => boolean,
	atUnit: (roles: readonly Role[]) => boolean
): boolean {
	if (handlerNow) return false;
	if (r.line > 1 && (atUnit([KEY_PERSON_OF[r.chain]]) || orgWide([CENTRAL_OF[r.chain]]))) return true;
	return r.teamIds.some((t) => t !== r.teamId && teams.has(t));
}

const OPEN_TICKET_STATES = ['new', 'in_progress', 'waiting_requester', 'waiting_supplier'];

/**
 * ticket.note: add an internal note — whoever reads internal notes (handlers now and every line that held the
 * case). ticket.chase: "Påminn nuvarande linje" — an earlier line, while the case is open.
 */
function canCasePage(action: string, r: TicketResource, who: { handlerNow: boolean; watcher: boolean; earlierLine: boolean }): boolean {
	switch (action) {
		case 'ticket.note':
			return who.handlerNow || who.watcher;
		case 'ticket.chase':
			return who.earlierLine && OPEN_TICKET_STATES.includes(r.state);
		default:
			return false;
	}
}
