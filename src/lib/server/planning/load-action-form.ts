import { and, asc, eq, exists, isNull, notInArray } from 'drizzle-orm';
import type { Db } from '../db';
import { competenceCourses, memberships, people, roleAssignments, supportCategories } from '../db/schema';
import { authorize, can, type Actor } from '../policies';
import { loadLinkOptions } from './framework-links';
import { loadPlanScopes, scopeKey } from './plan-scopes';
import { listGoalOptions } from './vision/goal-options';

/**
 * What the action form offers: the scopes the actor may plan for, the organizer's active members who take
 * part in planning (people with protected identity only for organization administrators), its support
 * categories, strategic goals, the courses of its competence catalog an action may hold (not archived) and the
 * sub-goals its actions may link to.
 */
export async function loadActionForm(db: Db, opts: { actor: Actor; organizerId: string }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'planning.view', { type: 'organizer', organizerId });
	const seesProtected = can(actor, 'person.view', { type: 'person', organizerId, protectedIdentity: true });
	const planner = exists(
		db
			.select({ one: roleAssignments.id })
			.from(roleAssignments)
			.where(
				and(
					eq(roleAssignments.personId, people.id),
					eq(roleAssignments.organizerId, organizerId),
					notInArray(roleAssignments.role, ['student', 'guardian', 'supplier'])
				)
			)
	);
	const [scopes, members, categories, links, goals, courses] = await Promise.all([
		loadPlanScopes(db, actor, organizerId),
		db
			.select({ id: people.id, name: people.name })
			.from(memberships)
			.innerJoin(people, eq(people.id, memberships.personId))
			.where(
				and(
					eq(memberships.organizerId, organizerId),
					eq(people.status, 'active'),
					planner,
					seesProtected ? undefined : eq(people.protectedIdentity, false)
				)
			)
			.orderBy(asc(people.nameSort), asc(people.id)),
		db
			.select({ id: supportCategories.id, name: supportCategories.name, chain: supportCategories.chain })
			.from(supportCategories)
			.where(and(eq(supportCategories.organizerId, organizerId), isNull(supportCategories.archivedAt)))
			.orderBy(asc(supportCategories.chain), asc(supportCategories.nameSort)),
		loadLinkOptions(db, organizerId),
		listGoalOptions(db, organizerId),
		db
			.select({ id: competenceCourses.id, title: competenceCourses.title })
			.from(competenceCourses)
			.where(and(eq(competenceCourses.organizerId, organizerId), isNull(competenceCourses.archivedAt)))
			.orderBy(asc(competenceCourses.title))
			.limit(500)
	]);
	return {
		// Scopes where one may plan; central pedagogical support only adds actions that hold a course (decision 066).
		scopes: scopes.filter((s) => s.canWrite || s.canCourse).map((s) => ({ value: scopeKey(s.unitId), name: s.name, depth: s.depth })),
		members,
		categories,
		goals,
		courses: courses.map((c) => ({ value: c.id, label: c.title })),
		subGoals: links.subGoals,
		items: links.items
	};
}
