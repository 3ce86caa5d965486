import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { competenceCourses, memberships, people, planningGoals, supportCategories, units } from '../db/schema';
import { AppError, isAppError, type FieldIssue } from '../errors';
import { can, type Actor, type PlanResource } from '../policies';
import { loadAncestorIds } from '../org/load-ancestor-ids';
import { resolveLinks, type ActionLink } from './framework-links';
import type { ParsedAction } from './action-input';
import { isUuid } from '../ids';

/** The ids among `ids` that are active members of the organizer. */
export async function activeMembers(db: Db, organizerId: string, ids: string[]): Promise<Set<string>> {
	const valid = ids.filter((id) => isUuid(id));
	if (!valid.length) return new Set();
	const rows = await db
		.select({ id: people.id })
		.from(memberships)
		.innerJoin(people, eq(people.id, memberships.personId))
		.where(and(eq(memberships.organizerId, organizerId), inArray(memberships.personId, valid), eq(people.status, 'active')));
	return new Set(rows.map((r) => r.id));
}

/** The plan scope the form names, if it is the organizer or one of its active units. */
async function scopeResource(db: Db, organizerId: string, scope: string): Promise<PlanResource | null> {
	if (scope === 'organizer') return { type: 'plan', organizerId, unitId: null, ancestorIds: [] };
	if (!isUuid(scope)) return null;
	const [unit] = await db
		.select({ id: units.id })
		.from(units)
		.where(and(eq(units.id, scope), eq(units.organizerId, organizerId), isNull(units.archivedAt)));
	return unit ? { type: 'plan', organizerId, unitId: unit.id, ancestorIds: await loadAncestorIds(db, organizerId, unit.id) } : null;
}

/**
 * Checks what an action points at: a scope the actor may plan for, a responsible person and participants
 * who are active members, a support category, strategic goal and catalog course of the organizer and links to its framework. Every problem
 * is reported beside its field at once (INVALID); nothing is written here.
 */
export async function checkActionRefs(
	db: Db,
	opts: { actor: Actor; organizerId: string; input: ParsedAction }
): Promise<{ resource: PlanResource; links: ActionLink[]; participantIds: string[] }> {
	const { actor, organizerId, input } = opts;
	const issues: FieldIssue[] = [];
	const resource = await scopeResource(db, organizerId, input.scope);
	// Central pedagogical support may add an action here only when it holds a catalog course (plan.course, decision 066).
	const allowed = resource && (can(actor, 'plan.write', resource) || (!!input.courseId && can(actor, 'plan.course', resource)));
	if (!allowed) issues.push({ field: 'scope', message: 'planning_error_scope_not_allowed' });
	const participantIds = [...new Set(input.participantIds.filter(Boolean))].filter((id) => id !== input.responsibleId);
	const members = await activeMembers(db, organizerId, [input.responsibleId, ...participantIds]);
	if (!members.has(input.responsibleId)) issues.push({ field: 'responsibleId', message: 'planning_error_responsible_member' });
	if (participantIds.some((id) => !members.has(id))) issues.push({ field: 'participantIds', message: 'planning_error_participant_member' });
	if (input.supportCategoryId) {
		const ok =
			isUuid(input.supportCategoryId) &&
			(
				await db
					.select({ id: supportCategories.id })
					.from(supportCategories)
					.where(
						and(
							eq(supportCategories.id, input.supportCategoryId),
							eq(supportCategories.organizerId, organizerId),
							isNull(supportCategories.archivedAt)
						)
					)
			).length > 0;
		if (!ok) issues.push({ field: 'supportCategoryId', message: 'planning_error_category' });
	}
	if (input.goalId) {
		const ok =
			isUuid(input.goalId) &&
			(
				await db
					.select({ id: planningGoals.id })
					.from(planningGoals)
					.where(and(eq(planningGoals.id, input.goalId), eq(planningGoals.organizerId, organizerId)))
			).length > 0;
		if (!ok) issues.push({ field: 'goalId', message: 'vision_error_action_goal' });
	}
	if (input.courseId) {
		const ok =
			isUuid(input.courseId) &&
			(
				await db
					.select({ id: competenceCourses.id })
					.from(competenceCourses)
					.where(and(eq(competenceCourses.id, input.courseId), eq(competenceCourses.organizerId, organizerId)))
			).length > 0;
		if (!ok) issues.push({ field: 'courseId', message: 'courseadmin_error_action_course' });
	}
	let links: ActionLink[] = [];
	try {
		links = await resolveLinks(db, organizerId, input.links);
	} catch (e) {
		if (!isAppError(e)) throw e;
		issues.push(...e.issues);
	}
	if (issues.length || !resource) throw new AppError('INVALID', 'action', issues);
	return { resource, links, participantIds };
}
