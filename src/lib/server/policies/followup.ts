import { holds, rolesAt, type Actor } from './actor';
import { CENTRAL_ROLES, UNIT_TEAM_ROLES, type Role } from './roles';

/**
 * Follow-up of the whole red thread for one organizer (issue 20): the one picture per sub-goal, the operational
 * figures, surveys, comparison values and the board report. unitId null asks about the organizer as a whole; with a
 * unit (and its parents) about that unit or area. Every view that shows figures also applies the suppression rules of
 * its source module: a rule here only says who may open it.
 */
export type FollowupResource = { type: 'followup'; organizerId: string; unitId: string | null; ancestorIds: string[] };

/**
 * followup.view: the one picture and the operational figures (administrators, leadership and readers everywhere;
 * a principal at their units and areas, always beside the organizer's average) ·
 * followup.configure: unit sizes, comparison values, board-report readers (administrators and leadership) ·
 * followup.report: generate a board report and write what the administration asks of the board (administrators and
 * leadership) · followup.report_read: read and download generated board reports (those who generate them and readers) ·
 * surveys.manage: create, send and close surveys (administrators, leadership, central support) ·
 * surveys.results: a survey's results at a scope, suppressed (organizer-wide report readers; the unit's own team at
 * their units and areas) ·
 * followup.device_figures: the aggregated device counts of the follow-up (repairs, days without a device) for those
 * who read the follow-up but not the device register (decision 068: counts carry no personal data; devices.view is
 * not widened).
 */
export type FollowupAction =
	| 'followup.view'
	| 'followup.configure'
	| 'followup.report'
	| 'followup.report_read'
	| 'followup.device_figures'
	| 'surveys.manage'
	| 'surveys.results';

/** Organizer-wide roles that read every follow-up figure. */
export const FOLLOWUP_READERS: readonly Role[] = ['org_admin', 'leadership', 'reader'];
/** Organizer-wide roles that configure follow-up and generate the board report. */
const FOLLOWUP_OWNERS: readonly Role[] = ['org_admin', 'leadership'];

export const isFollowupAction = (action: string): action is FollowupAction =>
	action.startsWith('followup.') || action.startsWith('surveys.');

/** Rules for follow-up. Called by `can` in index.ts. */
export function canFollowup(actor: Actor, action: FollowupAction, r: FollowupResource): boolean {
	const scope = r.unitId === null ? null : new Set([r.unitId, ...r.ancestorIds]);
	const at = (roles: readonly Role[]) =>
		rolesAt(actor, r.organizerId).some((a) => roles.includes(a.role) && a.unitId !== null && (scope === null || scope.has(a.unitId)));
	switch (action) {
		case 'followup.view':
		case 'followup.device_figures':
			return holds(actor, r.organizerId, FOLLOWUP_READERS) || at(['principal']);
		case 'followup.configure':
		case 'followup.report':
			return holds(actor, r.organizerId, FOLLOWUP_OWNERS);
		case 'followup.report_read':
			return holds(actor, r.organizerId, FOLLOWUP_READERS);
		case 'surveys.manage':
			return holds(actor, r.organizerId, [...FOLLOWUP_OWNERS, ...CENTRAL_ROLES]);
		case 'surveys.results':
			return holds(actor, r.organizerId, [...FOLLOWUP_READERS, ...CENTRAL_ROLES]) || at(UNIT_TEAM_ROLES);
	}
}
