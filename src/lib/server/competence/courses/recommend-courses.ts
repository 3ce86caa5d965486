import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { competenceCourses, competenceEnrolments, roleAssignments } from '../../db/schema';
import { authorize, type Actor } from '../../policies';
import { findMyReflections } from '../find-my-reflections';
import { REFLECTION } from '../competence-rules';
import { userErrorCategories } from './user-error-categories';
import { weakSubGoals } from './weak-sub-goals';
import { myLicensedTools } from './my-licensed-tools';

/**
 * Why a course is recommended: a weak area of one's own reflection, a weak sub-goal of one's unit, one's own
 * handhavandefel, a tool one was given a licence to (decision 066).
 */
export type Reason =
	| { kind: 'area'; key: string; name: { sv: string; en: string }; level: number }
	| { kind: 'subGoal'; id: string; title: { sv: string; en: string }; mean: number }
	| { kind: 'category'; id: string; name: string; cases: number }
	| { kind: 'tool'; id: string; name: string };

/** Areas at or under this level (1–6) of one's newest reflection count as weak. */
const WEAK_LEVEL = 3;
const MAX = 6;

/**
 * Courses recommended to the signed-in actor only (competence.catalog), each with why: tagged with an area where the
 * actor's own newest reflection is weakest, with a weak sub-goal of the actor's unit in the latest closed
 * self-assessment (the report's suppressed values), or with the category of the actor's own handhavandefel cases of
 * the last year, or with a tool of the app register the actor was given a licence to. Courses the actor signed up to, and live sessions that are over, are left out. Most reasons first.
 * Nobody can ask for another person's recommendations: the function takes no person.
 */
export async function recommendCourses(db: Db, o: { actor: Actor | null; organizerId: string; now?: Date }) {
	authorize(o.actor, 'competence.catalog', { type: 'organizer', organizerId: o.organizerId });
	const actor = o.actor;
	const now = o.now ?? new Date();
	const [latest] = await findMyReflections(db, { actor, organizerId: o.organizerId, limit: 1 });
	const weakAreas = latest
		? REFLECTION.areas
				.map((a) => ({ area: a, level: latest.levels[a.key] ?? 1 }))
				.filter((a) => a.level <= WEAK_LEVEL)
				.sort((a, b) => a.level - b.level)
				.slice(0, 2)
		: [];
	const units = await db
		.selectDistinct({ unitId: roleAssignments.unitId })
		.from(roleAssignments)
		.where(and(eq(roleAssignments.personId, actor.personId), eq(roleAssignments.organizerId, o.organizerId)));
	const unitIds = units.flatMap((u) => (u.unitId ? [u.unitId] : []));
	const [subGoals, categories, tools] = await Promise.all([
		unitIds.length ? weakSubGoals(db, { organizerId: o.organizerId, unitIds }) : [],
		userErrorCategories(db, { organizerId: o.organizerId, requesterId: actor.personId, now }),
		myLicensedTools(db, { organizerId: o.organizerId, personId: actor.personId })
	]);
	const courses = await db
		.select()
		.from(competenceCourses)
		.where(
			and(
				eq(competenceCourses.organizerId, o.organizerId),
				isNull(competenceCourses.archivedAt),
				sql`(${competenceCourses.endsAt} is null or ${competenceCourses.endsAt} > ${now})`,
				sql`not exists (select 1 from ${competenceEnrolments} e where e.course_id = ${competenceCourses.id} and e.person_id = ${actor.personId} and e.cancelled_at is null)`
			)
		);
	return courses
		.map((c) => {
			const reasons: Reason[] = [
				...weakAreas
					.filter((a) => c.tags.areas.includes(a.area.key))
					.map((a): Reason => ({ kind: 'area', key: a.area.key, name: a.area.name, level: a.level })),
				...[...new Map(subGoals.map((s) => [s.subGoalId, s])).values()]
					.filter((s) => c.tags.subGoals.includes(s.subGoalId))
					.map((s): Reason => ({ kind: 'subGoal', id: s.subGoalId, title: s.title, mean: s.mean })),
				...categories
					.filter((k) => c.tags.categoryIds.includes(k.categoryId))
					.map((k): Reason => ({ kind: 'category', id: k.categoryId, name: k.name, cases: k.cases })),
				...tools.filter((t) => c.tags.toolIds.includes(t.toolId)).map((t): Reason => ({ kind: 'tool', id: t.toolId, name: t.name }))
			];
			return { id: c.id, kind: c.kind, title: c.title, startsAt: c.startsAt, reasons };
		})
		.filter((r) => r.reasons.length > 0)
		.sort((a, b) => b.reasons.length - a.reasons.length || a.title.localeCompare(b.title, 'sv'))
		.slice(0, MAX);
}
export type Recommendation = Awaited<ReturnType<typeof recommendCourses>>[number];
