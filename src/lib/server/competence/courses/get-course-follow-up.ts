import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentRounds, competenceCourses, competenceEnrolments, roleAssignments } from '../../db/schema';
import { isShown } from '../../assessment/reports/suppress';
import { organizerThreshold } from '../../assessment/rounds/round-checks';
import { roundStatus } from '../../assessment/rounds/round-status';
import { can, type Actor } from '../../policies';
import { aggregateReflectionsByUnit } from '../aggregate-reflections-by-unit';
import { aggregateReflections } from '../aggregate-reflections';
import { loadCompetenceScope } from '../competence-scope';
import { REFLECTION } from '../competence-rules';
import { loadRoundNeeds } from './load-round-needs';

type Measure = { key: string; title: { sv: string; en: string }; before: number | null; after: number | null };

/**
 * How a planned course went for the action's scope (issue 19 item 4, decision 066): "hold course X for unit Y" shows
 * how many of the unit's staff (with the units under it; the whole organizer for an organizer plan) signed up,
 * attended and completed, the feedback mean once at least the anonymity threshold have answered, and the measures the
 * course is meant to move, before the action started and now: the self-assessment's value for the sub-goals it serves
 * (the latest closed round before the start against the latest closed round after it, from the report's suppressed
 * values) and — for those who read reflection aggregates — the reflection level of the areas it serves (the newest
 * reflections before the start against the newest now, under the per-unit suppression). Counts only, never names;
 * the caller has checked that the actor reads the action. Null when the course is not the organizer's.
 */
export async function getCourseFollowUp(
	db: Db,
	o: { actor: Actor; organizerId: string; courseId: string; unitId: string | null; since: Date; subGoalIds?: string[] }
) {
	const [course] = await db
		.select()
		.from(competenceCourses)
		.where(and(eq(competenceCourses.id, o.courseId), eq(competenceCourses.organizerId, o.organizerId)));
	if (!course) return null;
	const { tree, resource } = await loadCompetenceScope(db, o.organizerId);
	const unitIds = o.unitId
		? tree.filter((u) => u.id === o.unitId || resource(u.id).ancestorIds.includes(o.unitId!)).map((u) => u.id)
		: null;
	const staff = unitIds
		? new Set(
				(
					await db
						.selectDistinct({ personId: roleAssignments.personId })
						.from(roleAssignments)
						.where(and(eq(roleAssignments.organizerId, o.organizerId), inArray(roleAssignments.unitId, unitIds)))
				).map((r) => r.personId)
			)
		: null;
	const enrolments = (
		await db
			.select({
				personId: competenceEnrolments.personId,
				attendedAt: competenceEnrolments.attendedAt,
				completedAt: competenceEnrolments.completedAt,
				score: competenceEnrolments.feedbackScore
			})
			.from(competenceEnrolments)
			.where(and(eq(competenceEnrolments.courseId, course.id), isNull(competenceEnrolments.cancelledAt)))
	).filter((e) => !staff || staff.has(e.personId));
	const threshold = await organizerThreshold(db, o.organizerId);
	const scores = enrolments.flatMap((e) => (e.score === null ? [] : [e.score]));

	// The self-assessment: the latest closed round that closed before the start, and the latest closed one after it.
	const rounds = (
		await db
			.select({
				id: assessmentRounds.id,
				opensOn: assessmentRounds.opensOn,
				closesOn: assessmentRounds.closesOn,
				closedAt: assessmentRounds.closedAt
			})
			.from(assessmentRounds)
			.where(eq(assessmentRounds.organizerId, o.organizerId))
			.orderBy(desc(assessmentRounds.closesOn))
			.limit(20)
	).filter((r) => roundStatus(r) === 'closed');
	const sinceDay = o.since.toISOString().slice(0, 10);
	const beforeRound = rounds.find((r) => r.closesOn < sinceDay) ?? null;
	const afterRound = rounds.find((r) => r.opensOn >= sinceDay) ?? null;
	const subGoalIds = [...new Set([...course.tags.subGoals, ...(o.subGoalIds ?? [])])];
	const valueIn = async (roundId: string | undefined) => {
		if (!roundId) return null;
		const f = await loadRoundNeeds(db, { organizerId: o.organizerId, roundId });
		return f.published ? f : null;
	};
	const [before, after] = await Promise.all([valueIn(beforeRound?.id), valueIn(afterRound?.id)]);
	const pick = (f: Awaited<ReturnType<typeof valueIn>>, id: string) => {
		const sg = f?.subGoals.find((s) => s.id === id);
		if (!sg) return null;
		return o.unitId ? (sg.units[o.unitId] ?? null) : sg.total;
	};
	const titles = new Map([...(before?.subGoals ?? []), ...(after?.subGoals ?? [])].map((s) => [s.id, s.title]));
	const subGoals: Measure[] = subGoalIds
		.filter((id) => titles.has(id))
		.map((id) => ({ key: id, title: titles.get(id)!, before: pick(before, id), after: pick(after, id) }));

	// Reflections: only for those who read their aggregates, and only through the aggregates' own suppression.
	let areas: Measure[] | null = null;
	if (course.tags.areas.length && can(o.actor, 'competence.aggregate', resource(null))) {
		const levelsAt = async (at?: Date) => {
			if (o.unitId) {
				const { units } = await aggregateReflectionsByUnit(db, { actor: o.actor, organizerId: o.organizerId, before: at });
				const u = units.find((x) => x.unitId === o.unitId);
				return u?.shown ? new Map(u.areas.map((a) => [a.key, a.mean])) : null;
			}
			const all = await aggregateReflections(db, { actor: o.actor, organizerId: o.organizerId, before: at });
			return all.shown ? new Map(all.areas.map((a) => [a.key, a.mean])) : null;
		};
		const [then, now] = await Promise.all([levelsAt(o.since), levelsAt()]);
		areas = REFLECTION.areas
			.filter((a) => course.tags.areas.includes(a.key))
			.map((a) => ({ key: a.key, title: a.name, before: then?.get(a.key) ?? null, after: now?.get(a.key) ?? null }));
	}
	return {
		course: { id: course.id, title: course.title, kind: course.kind, archived: !!course.archivedAt },
		scopeStaff: staff?.size ?? null,
		signedUp: enrolments.length,
		attended: enrolments.filter((e) => e.attendedAt).length,
		completed: enrolments.filter((e) => e.completedAt).length,
		feedback: {
			answers: scores.length,
			threshold,
			mean: isShown(scores.length, threshold) ? scores.reduce((a, b) => a + b, 0) / scores.length : null
		},
		rounds: { before: beforeRound ? (before?.roundName ?? null) : null, after: afterRound ? (after?.roundName ?? null) : null },
		subGoals,
		areas
	};
}
export type CourseFollowUp = NonNullable<Awaited<ReturnType<typeof getCourseFollowUp>>>;
