import type { Actor } from './actor';
import type { Role } from './roles';

/**
 * A plan (the organizer's when unitId is null, otherwise a unit's) or one action in it. responsibleId is
 * set when the question is about one action, so its responsible person may update its status.
 */
export type PlanResource = {
	type: 'plan';
	organizerId: string;
	unitId: string | null;
	/** The unit's parents up to the root: a principal of a rektorsområde plans for the units below it. */
	ancestorIds: string[];
	responsibleId?: string | null;
	/** Set when the question is about an Undersök → Analysera → Agera cycle: its working group. */
	groupIds?: string[];
};

export type PlanningAction =
	'planning.view' | 'plan.view' | 'plan.write' | 'plan.course' | 'action.status' | PlanningConfigureAction | CycleAction;

/** Reminders (decision 024): the organizer's planning settings, such as how many days before a due date to remind. */
export type PlanningConfigureAction = 'planning.configure';

/** Cycles (decision 025): read like the scope's plan, written by its planners and the cycle's working group. */
export type CycleAction = 'cycle.view' | 'cycle.write';

/** Own the organizer plan and plan for every unit. */
const ORGANIZER_PLANNERS: readonly Role[] = ['org_admin', 'leadership'];
/** Read every unit's plan (organizer-wide). Readers such as politicians read the organizer plan only. */
const ALL_PLAN_READERS: readonly Role[] = [...ORGANIZER_PLANNERS, 'central_pedagogical_support', 'central_technical_support'];
/** Unit roles that read their unit's plan. */
const UNIT_READERS: readonly Role[] = ['principal', 'pedagogical_key_person', 'technical_key_person', 'staff'];
/** Roles that never see planning. */
const OUTSIDERS: readonly Role[] = ['supplier', 'student', 'guardian', 'system_admin'];

/** Rules for action plans. Called by `can` in index.ts; nothing else checks roles for planning. */
export function canPlan(actor: Actor, action: string, r: PlanResource | { type: 'organizer'; organizerId: string }): boolean {
	const mine = actor.assignments.filter((a) => a.organizerId === r.organizerId);
	const orgWide = (roles: readonly Role[]) => mine.some((a) => a.unitId === null && roles.includes(a.role));
	const insiders = mine.filter((a) => !OUTSIDERS.includes(a.role));
	if (r.type === 'organizer') {
		if (action === 'planning.configure') return orgWide(ORGANIZER_PLANNERS);
		return action === 'planning.view' && insiders.length > 0;
	}
	const scope = new Set(r.unitId ? [r.unitId, ...r.ancestorIds] : []);
	const atUnit = (roles: readonly Role[]) => mine.some((a) => a.unitId !== null && scope.has(a.unitId) && roles.includes(a.role));
	const write = orgWide(ORGANIZER_PLANNERS) || (r.unitId !== null && atUnit(['principal']));
	switch (action) {
		case 'plan.view':
			// The organizer's plan is everyone's on the inside; a unit's plan its own people's and the organizer's planners'.
			if (r.unitId === null) return insiders.length > 0;
			return orgWide(ALL_PLAN_READERS) || atUnit(UNIT_READERS);
		case 'plan.write':
			return write;
		case 'plan.course':
			// Add an action that holds a catalog course (decision 066): central pedagogical support plans competence
			// development from needs for any unit and the organizer; changing the action stays with those who write the plan.
			return write || orgWide(['central_pedagogical_support']);
		case 'action.status':
			// The responsible person follows their own action up, wherever it sits.
			return write || (!!r.responsibleId && r.responsibleId === actor.personId && insiders.length > 0);
		case 'cycle.view':
		case 'cycle.write':
			return canCycle(actor, action, r, write, insiders.length > 0);
		default:
			return false;
	}
}

// --- Forums (councils and their meetings, decision 023) ---

/** A forum of the organizer (unitId null) or of one unit, with its members. */
export type ForumResource = {
	type: 'forum';
	organizerId: string;
	unitId: string | null;
	ancestorIds: string[];
	memberIds: string[];
	/** For 'forum.decision_status': the owner of the decision in question. */
	decisionOwnerId?: string;
};

export type ForumAction = 'forum.view' | 'forum.manage' | 'forum.decision_status';

/**
 * Forums: those who may plan for the forum's scope manage it (set it up, hold its meetings, minute and publish);
 * its members and its managers read its meetings. Others inside the organizer see at most that it exists.
 * A decision's status is changed by the managers and by the decision's owner.
 */
export function canForum(actor: Actor, action: string, r: ForumResource): boolean {
	const manage = canPlan(actor, 'plan.write', { type: 'plan', organizerId: r.organizerId, unitId: r.unitId, ancestorIds: r.ancestorIds });
	const insider = canPlan(actor, 'planning.view', { type: 'organizer', organizerId: r.organizerId });
	if (action === 'forum.manage') return manage;
	const reads = manage || (insider && r.memberIds.includes(actor.personId));
	if (action === 'forum.view') return reads;
	// A decision's owner follows it up (marks it done or dropped) as long as they read the forum.
	if (action === 'forum.decision_status') return manage || (reads && !!r.decisionOwnerId && r.decisionOwnerId === actor.personId);
	return false;
}

/**
 * Cycles: the scope's planners, and the cycle's working group (people of the organizer), read and write
 * in it; whoever reads the scope's plan reads the cycle. Turning Agera entries into actions still takes
 * `plan.write` (createAction asks).
 */
function canCycle(actor: Actor, action: string, r: PlanResource, write: boolean, insider: boolean): boolean {
	const inGroup = insider && !!r.groupIds?.includes(actor.personId);
	if (action === 'cycle.write') return write || inGroup;
	return write || inGroup || canPlan(actor, 'plan.view', r);
}
