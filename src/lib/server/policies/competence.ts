import { holds, rolesAt, type Actor } from './actor';
import type { Role } from './roles';

/**
 * Students' progression plan and staff's reflection (issue 19, decision 053). unitId null asks about the organizer as
 * a whole (may the actor open the page at all); with a unit (and its parents) about a class or coverage there.
 * ownerId names the person a reflection belongs to.
 */
export type CompetenceResource = {
	type: 'competence';
	organizerId: string;
	unitId: string | null;
	ancestorIds: string[];
	ownerId?: string;
};

/**
 * competence.view: read the plan (all staff) · competence.students: a year's steps in plain language (everyone with a
 * role at the organizer, students and guardians too) · competence.plan: adopt, version and edit the plan
 * (org_admin, central pedagogical support) · competence.mark: mark and withdraw for a class (staff, principals and
 * pedagogical key people at the class's unit or a unit above it) · competence.coverage: a unit's coverage
 * (organizer-wide readers; principals and pedagogical key people of their units) · competence.compare: all units
 * side by side (organizer-wide readers only) · competence.reflect: one's own reflection (all staff) ·
 * competence.reflection: read one reflection (its person, nobody else) · competence.aggregate: reflections
 * aggregated per area (org_admin, leadership, central pedagogical support).
 * Courses (decision 058): competence.catalog: read the course catalog, sign up, go through a course and see one's own
 * courses (all staff) · competence.catalog.manage: add and change courses and mark attendance (org_admin, central
 * pedagogical support) · competence.participation: who of a unit's staff signed up, attended and completed
 * (org_admin, leadership, central pedagogical support; principals of their units) — never reflections ·
 * competence.needs: a unit's or the organizer's needs picture beside what was offered and taken (the same readers as
 * participation; the organizer as a whole only for the organizer-wide ones).
 */
export type CompetenceAction =
	| 'competence.view'
	| 'competence.students'
	| 'competence.plan'
	| 'competence.mark'
	| 'competence.coverage'
	| 'competence.compare'
	| 'competence.reflect'
	| 'competence.reflection'
	| 'competence.aggregate'
	| 'competence.catalog'
	| 'competence.catalog.manage'
	| 'competence.participation'
	| 'competence.needs';

export const isCompetenceAction = (action: string): action is CompetenceAction => action.startsWith('competence.');

/** Those who write the plan. */
export const PLAN_EDITORS: readonly Role[] = ['org_admin', 'central_pedagogical_support'];
/** Organizer-wide roles that read every unit's coverage and compare units. */
export const COVERAGE_READERS: readonly Role[] = ['org_admin', 'leadership', 'central_pedagogical_support', 'reader'];
/** Who sees reflections aggregated per area. */
export const AGGREGATE_READERS: readonly Role[] = ['org_admin', 'leadership', 'central_pedagogical_support'];
/** Roles that teach or lead teaching at a unit and so mark steps for its classes. */
export const MARKING_ROLES: readonly Role[] = ['staff', 'principal', 'pedagogical_key_person'];
/** Unit roles that read their units' coverage. */
const UNIT_COVERAGE_ROLES: readonly Role[] = ['principal', 'pedagogical_key_person'];
/** Not staff: they see the students' page only. */
const NOT_STAFF: readonly Role[] = ['student', 'guardian', 'supplier'];

/** Rules for the progression plan and reflections. Called by `can` in index.ts. */
export function canCompetence(actor: Actor, action: CompetenceAction, r: CompetenceResource): boolean {
	const mine = rolesAt(actor, r.organizerId);
	const staff = mine.some((a) => !NOT_STAFF.includes(a.role));
	const scope = r.unitId === null ? null : new Set([r.unitId, ...r.ancestorIds]);
	const atUnit = (roles: readonly Role[]) =>
		mine.some((a) => roles.includes(a.role) && a.unitId !== null && (scope === null || scope.has(a.unitId)));
	switch (action) {
		case 'competence.view':
		case 'competence.reflect':
		case 'competence.catalog':
			return staff;
		case 'competence.students':
			return mine.some((a) => a.role !== 'supplier');
		case 'competence.plan':
			return holds(actor, r.organizerId, PLAN_EDITORS);
		case 'competence.mark':
			return atUnit(MARKING_ROLES);
		case 'competence.coverage':
			return holds(actor, r.organizerId, COVERAGE_READERS) || atUnit(UNIT_COVERAGE_ROLES);
		case 'competence.compare':
			return holds(actor, r.organizerId, COVERAGE_READERS);
		case 'competence.reflection':
			return !!r.ownerId && r.ownerId === actor.personId && mine.length > 0;
		case 'competence.aggregate':
			return holds(actor, r.organizerId, AGGREGATE_READERS);
		case 'competence.catalog.manage':
			return holds(actor, r.organizerId, PLAN_EDITORS);
		case 'competence.participation':
		case 'competence.needs':
			return holds(actor, r.organizerId, AGGREGATE_READERS) || atUnit(['principal']);
	}
}
