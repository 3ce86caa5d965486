import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { competenceCourses, competenceEnrolments, roleAssignments } from '../../db/schema';
import { can, type Actor } from '../../policies';
import { organizerThreshold } from '../../assessment/rounds/round-checks';
import { isShown } from '../../assessment/reports/suppress';
import { aggregateReflections, type ReflectionAggregate } from '../aggregate-reflections';
import { aggregateReflectionsByUnit } from '../aggregate-reflections-by-unit';
import { REFLECTION } from '../competence-rules';
import { userErrorCategories } from './user-error-categories';
import { weakSubGoals } from './weak-sub-goals';
import { resolveNeedsScope } from './needs-scope';

/** The reflections aggregate of one unit (its per-unit suppression, decision 066) or of the organizer (unitId null). */
async function unitOrOrganizerReflections(db: Db, actor: Actor, organizerId: string, unitId: string | null): Promise<ReflectionAggregate> {
	if (!unitId) return aggregateReflections(db, { actor, organizerId });
	const { threshold, units } = await aggregateReflectionsByUnit(db, { actor, organizerId });
	const u = units.find((x) => x.unitId === unitId);
	return {
		people: u?.people ?? 0,
		threshold,
		shown: !!u?.shown,
		areas: (u?.areas ?? []).map((a) => ({ ...a, levels: [] }))
	};
}

/** Handhavandefel categories with at least this many cases in a year count as recurring. */
const RECURRING = 2;

/**
 * The needs picture of a unit (with the units under it) or of the organizer (unitId null), beside what was offered
 * and taken (competence.needs). Needs: the reflections aggregated for those who may read that (competence.aggregate):
 * the unit's under the per-unit suppression of decision 066, or the organizer's (decision 053), the weakest sub-goals of the latest
 * closed self-assessment (the report's suppressed values), recurring handhavandefel categories. Offered and taken: each
 * course with sign-ups and completions of the scope's staff and the feedback mean, shown only when at least the
 * anonymity threshold have answered. The organizer as a whole is for organizer-wide readers only.
 */
export async function getNeedsPicture(db: Db, o: { actor: Actor | null; organizerId: string; unitId: string | null; now?: Date }) {
	const { actor, unit, unitIds, readable, organizerWide, resource } = await resolveNeedsScope(db, o);
	const [reflections, subGoals, categories, threshold] = await Promise.all([
		can(actor, 'competence.aggregate', resource(null)) ? unitOrOrganizerReflections(db, actor, o.organizerId, unit?.id ?? null) : null,
		weakSubGoals(db, { organizerId: o.organizerId, unitIds: unit ? [unit.id] : null, limit: 3 }),
		userErrorCategories(db, { organizerId: o.organizerId, unitIds: unitIds ?? undefined, now: o.now, atLeast: RECURRING }),
		organizerThreshold(db, o.organizerId)
	]);
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
	const rows = await db
		.select({
			courseId: competenceCourses.id,
			title: competenceCourses.title,
			kind: competenceCourses.kind,
			tags: competenceCourses.tags,
			personId: competenceEnrolments.personId,
			completedAt: competenceEnrolments.completedAt,
			score: competenceEnrolments.feedbackScore
		})
		.from(competenceCourses)
		.leftJoin(competenceEnrolments, and(eq(competenceEnrolments.courseId, competenceCourses.id), isNull(competenceEnrolments.cancelledAt)))
		.where(and(eq(competenceCourses.organizerId, o.organizerId), isNull(competenceCourses.archivedAt)));
	const offered = new Map<
		string,
		{ id: string; title: string; kind: string; tags: (typeof rows)[number]['tags']; signedUp: number; completed: number; scores: number[] }
	>();
	for (const r of rows) {
		const c = offered.get(r.courseId) ?? {
			id: r.courseId,
			title: r.title,
			kind: r.kind,
			tags: r.tags,
			signedUp: 0,
			completed: 0,
			scores: []
		};
		if (r.personId && (!staff || staff.has(r.personId))) {
			c.signedUp++;
			if (r.completedAt) c.completed++;
			if (r.score !== null) c.scores.push(r.score);
		}
		offered.set(r.courseId, c);
	}
	const needTags = new Set([...subGoals.map((s) => `sg:${s.subGoalId}`), ...categories.map((k) => `cat:${k.categoryId}`)]);
	return {
		unit: unit ? { id: unit.id, name: unit.name } : null,
		reflections: reflections as ReflectionAggregate | null,
		areaNames: Object.fromEntries(REFLECTION.areas.map((a) => [a.key, a.name])) as Record<string, { sv: string; en: string }>,
		subGoals,
		categories,
		threshold,
		offered: [...offered.values()]
			.map(({ scores, tags, ...c }) => ({
				...c,
				meetsNeed: tags.subGoals.some((s) => needTags.has(`sg:${s}`)) || tags.categoryIds.some((k) => needTags.has(`cat:${k}`)),
				answers: scores.length,
				feedbackMean: isShown(scores.length, threshold) ? scores.reduce((a, b) => a + b, 0) / scores.length : null
			}))
			.sort((a, b) => Number(b.meetsNeed) - Number(a.meetsNeed) || b.signedUp - a.signedUp || a.title.localeCompare(b.title, 'sv')),
		/** Units the actor may open a needs picture for. */
		units: readable.map((u) => ({ id: u.id, name: u.name })),
		organizerWide
	};
}
export type NeedsPicture = Awaited<ReturnType<typeof getNeedsPicture>>;
