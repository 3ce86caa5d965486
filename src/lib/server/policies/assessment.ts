import { holds, rolesAt, type Actor } from './actor';
import type { UnitResource } from './resource';
import { REPORT_READERS, UNIT_TEAM_ROLES, type Role } from './roles';

/** Which self-assessment perspective each unit role answers from. */
const PERSPECTIVE_OF: Partial<Record<Role, string>> = {
	principal: 'leadership',
	staff: 'staff',
	pedagogical_key_person: 'key_people',
	technical_key_person: 'key_people',
	student: 'students'
};

export const isAssessmentAction = (action: string) => action.startsWith('assessment.');

/** The perspectives an actor may answer a unit's self-assessment from (by their roles at or above the unit). */
export function answerPerspectives(actor: Actor | null, unit: UnitResource): string[] {
	if (!actor) return [];
	const scope = new Set([unit.unitId, ...unit.ancestorIds]);
	const out = actor.assignments
		.filter((a) => a.organizerId === unit.organizerId && a.unitId !== null && scope.has(a.unitId))
		.flatMap((a) => (PERSPECTIVE_OF[a.role] ? [PERSPECTIVE_OF[a.role]!] : []));
	return [...new Set(out)];
}

/** Rules for self-assessments, on the organizer (rounds, the organizer report) or one unit (answers, consensus, reports). */
export function canAssessment(actor: Actor, action: string, r: { type: 'organizer'; organizerId: string } | UnitResource): boolean {
	if (r.type === 'organizer') {
		if (action === 'assessment.manage') return holds(actor, r.organizerId, ['org_admin', 'leadership']);
		if (action === 'assessment.organizer_report') return holds(actor, r.organizerId, REPORT_READERS);
		return false;
	}
	const scope = new Set([r.unitId, ...r.ancestorIds]);
	const atUnit = (roles: readonly Role[]) =>
		rolesAt(actor, r.organizerId).some((a) => a.unitId !== null && scope.has(a.unitId) && roles.includes(a.role));
	switch (action) {
		case 'assessment.answer':
			return answerPerspectives(actor, r).length > 0;
		case 'assessment.consensus':
			return atUnit(UNIT_TEAM_ROLES);
		case 'assessment.unit_report':
			return atUnit(UNIT_TEAM_ROLES) || holds(actor, r.organizerId, REPORT_READERS);
		// Issue 14 item 6: a principal reads the roll-up of the units at or under their unit (a rektorsområde's
		// schools); organizer-wide report readers read every area.
		case 'assessment.area_report':
			return atUnit(['principal']) || holds(actor, r.organizerId, REPORT_READERS);
		default:
			return false;
	}
}
