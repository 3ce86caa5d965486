// Covers: recommendCourses (weakSubGoals, userErrorCategories), getNeedsPicture, countCourseUptake (resolveNeedsScope).
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildCourse, buildOrganizer, buildResponse, buildRound, buildTicket, buildUnit } from '../../../../../tests/factories';
import { competenceCourses, supportCategories, tickets } from '../../db/schema';
import { isAppError } from '../../errors';
import { REFLECTION } from '../competence-rules';
import { submitReflection } from '../submit-reflection';
import { recommendCourses } from './recommend-courses';
import { getNeedsPicture } from './get-needs-picture';
import { countCourseUptake } from './count-course-uptake';
import { signUp } from './sign-up';
import { completeCourse } from './complete-course';
import { cancelSignUp } from './cancel-sign-up';
import { giveCourseFeedback } from './give-course-feedback';

const t = useTestDatabase();
/** An item of sub-goal 1.1 in the 2026.1 framework. */
const ITEM = 'ns.1-1.amnesdidaktisk-anvandning';
const TAGS = { areas: [], aspects: [], subGoals: [], categoryIds: [], toolIds: [] };

async function refusal(p: Promise<unknown>) {
	try {
		await p;
	} catch (e) {
		if (isAppError(e)) return e.code;
		throw e;
	}
	throw new Error('expected a refusal');
}

/**
 * Two schools; at the first a teacher whose reflection is weak in "resources", who filed two handhavandefel cases in
 * one category, and whose unit's staff answered sub-goal 1.1 low in a closed round; courses tagged with each need.
 */
async function setUp() {
	const organizer = await buildOrganizer(t.db);
	const org = organizer.id;
	const school = await buildUnit(t.db, { organizer, name: 'Björkskolan' });
	const other = await buildUnit(t.db, { organizer, name: 'Ekskolan' });
	const teacher = await buildActor(t.db, [{ role: 'staff', organizerId: org, unitId: school.id }]);
	const colleague = await buildActor(t.db, [{ role: 'staff', organizerId: org, unitId: school.id }]);
	const principal = await buildActor(t.db, [{ role: 'principal', organizerId: org, unitId: school.id }]);
	const otherPrincipal = await buildActor(t.db, [{ role: 'principal', organizerId: org, unitId: other.id }]);
	const support = await buildActor(t.db, [{ role: 'central_pedagogical_support', organizerId: org }]);
	const answers = Object.fromEntries(
		REFLECTION.areas.flatMap((a) => a.items.map((i) => [i.key, a.key === 'resources' ? '0' : a.key === 'teaching' ? '1' : '4']))
	);
	await submitReflection(t.db, { actor: teacher, organizerId: org, input: answers });
	const [category] = await t.db
		.insert(supportCategories)
		.values({ organizerId: org, chain: 'technical', name: 'Projektor', nameSort: 'projektor' })
		.returning();
	for (let i = 0; i < 2; i++) {
		const { ticket } = await buildTicket(t.db, {
			organizerId: org,
			unitId: school.id,
			requester: teacher,
			input: { categoryId: category.id }
		});
		await t.db.update(tickets).set({ cause: 'user_error' }).where(eq(tickets.id, ticket.id));
	}
	const round = await buildRound(t.db, {
		organizer,
		units: [school, other],
		opensOn: '2025-09-01',
		closesOn: '2025-10-01',
		name: 'Hösten 2025'
	});
	for (let i = 0; i < 6; i++) {
		await buildResponse(t.db, { round, unitId: school.id, perspective: 'staff', answers: { [ITEM]: 1 + (i % 2) } });
		await buildResponse(t.db, { round, unitId: other.id, perspective: 'staff', answers: { [ITEM]: 4 } });
	}
	const byArea = await buildCourse(t.db, { organizerId: org, title: 'Digitala läromedel', tags: { ...TAGS, areas: ['resources'] } });
	const bySubGoal = await buildCourse(t.db, { organizerId: org, title: 'Ämnesdidaktik', parts: [], tags: { ...TAGS, subGoals: ['1.1'] } });
	const byCategory = await buildCourse(t.db, {
		organizerId: org,
		title: 'Projektorn i klassrummet',
		tags: { ...TAGS, categoryIds: [category.id], areas: ['teaching'] }
	});
	const unrelated = await buildCourse(t.db, { organizerId: org, title: 'Annat', tags: { ...TAGS, areas: ['work'] } });
	return { org, school, other, teacher, colleague, principal, otherPrincipal, support, category, byArea, bySubGoal, byCategory, unrelated };
}

describe('needs meet offers', () => {
	it('recommends to the signed-in person courses for their own weak areas, their unit’s weak sub-goals and their handhavandefel, saying why', async () => {
		const s = await setUp();
		const recs = await recommendCourses(t.db, { actor: s.teacher, organizerId: s.org });
		const byId = new Map(recs.map((r) => [r.id, r]));
		expect(byId.get(s.byArea.id)?.reasons).toEqual([{ kind: 'area', key: 'resources', name: expect.any(Object), level: 1 }]);
		expect(byId.get(s.bySubGoal.id)?.reasons).toEqual([{ kind: 'subGoal', id: '1.1', title: expect.any(Object), mean: 1.5 }]);
		// Two reasons: the category of their own cases and a weak area, so it comes first.
		expect(recs[0].id).toBe(s.byCategory.id);
		expect(recs[0].reasons.map((r) => r.kind).sort()).toEqual(['area', 'category']);
		expect(recs[0].reasons.find((r) => r.kind === 'category')).toMatchObject({ name: 'Projektor', cases: 2 });
		expect(byId.has(s.unrelated.id)).toBe(false);

		// A colleague at the same unit gets the unit's sub-goal only: never the teacher's reflection or cases.
		const theirs = await recommendCourses(t.db, { actor: s.colleague, organizerId: s.org });
		expect(theirs.map((r) => r.id)).toEqual([s.bySubGoal.id]);
		// A course one signed up to is no longer recommended.
		await signUp(t.db, { actor: s.teacher, organizerId: s.org, courseId: s.byArea.id });
		expect((await recommendCourses(t.db, { actor: s.teacher, organizerId: s.org })).map((r) => r.id)).not.toContain(s.byArea.id);
	});

	it('shows a unit’s needs beside what was offered and taken, suppressing small groups and keeping principals to their units', async () => {
		const s = await setUp();
		for (const actor of [s.teacher, s.colleague]) {
			await signUp(t.db, { actor, organizerId: s.org, courseId: s.bySubGoal.id });
			await completeCourse(t.db, { actor, organizerId: s.org, courseId: s.bySubGoal.id });
			await giveCourseFeedback(t.db, { actor, organizerId: s.org, courseId: s.bySubGoal.id, input: { score: '4' } });
		}
		const picture = await getNeedsPicture(t.db, { actor: s.principal, organizerId: s.org, unitId: null });
		expect(picture.unit?.name).toBe('Björkskolan');
		expect(picture.subGoals.map((g) => [g.subGoalId, g.mean])).toEqual([['1.1', 1.5]]);
		expect(picture.categories).toEqual([{ categoryId: s.category.id, name: 'Projektor', cases: 2 }]);
		// Principals do not read reflections, not even aggregated.
		expect(picture.reflections).toBeNull();
		const course = picture.offered.find((c) => c.id === s.bySubGoal.id)!;
		expect(course).toMatchObject({ meetsNeed: true, signedUp: 2, completed: 2, answers: 2, feedbackMean: null });
		expect(picture.offered[0].meetsNeed).toBe(true);

		expect(await refusal(getNeedsPicture(t.db, { actor: s.otherPrincipal, organizerId: s.org, unitId: s.school.id }))).toBe('FORBIDDEN');
		expect(await refusal(getNeedsPicture(t.db, { actor: s.teacher, organizerId: s.org, unitId: s.school.id }))).toBe('FORBIDDEN');

		// Central support sees the organizer: the reflections aggregate stays hidden under the threshold (one reflection).
		const whole = await getNeedsPicture(t.db, { actor: s.support, organizerId: s.org, unitId: null });
		expect(whole.unit).toBeNull();
		expect(whole.reflections).toMatchObject({ people: 1, shown: false, areas: [] });
		// With the threshold at two, the two answers give a feedback mean.
		const { organizers } = await import('../../db/schema');
		await t.db
			.update(organizers)
			.set({ settings: { anonymityThreshold: 2 } })
			.where(eq(organizers.id, s.org));
		const lowered = await getNeedsPicture(t.db, { actor: s.support, organizerId: s.org, unitId: s.school.id });
		expect(lowered.offered.find((c) => c.id === s.bySubGoal.id)?.feedbackMean).toBe(4);
	});

	it('counts the same uptake as the needs picture, for the same readers and scopes (the follow-up picture’s 1.3)', async () => {
		const s = await setUp();
		const outsider = await buildActor(t.db, [{ role: 'staff', organizerId: s.org, unitId: s.other.id }]);
		// Two at the school complete, one of them also signs up for another course; one at the other school signs up; a
		// cancelled sign-up and an archived course's sign-up count nowhere.
		for (const actor of [s.teacher, s.colleague]) {
			await signUp(t.db, { actor, organizerId: s.org, courseId: s.bySubGoal.id });
			await completeCourse(t.db, { actor, organizerId: s.org, courseId: s.bySubGoal.id });
		}
		await signUp(t.db, { actor: s.teacher, organizerId: s.org, courseId: s.byArea.id });
		await signUp(t.db, { actor: outsider, organizerId: s.org, courseId: s.byArea.id });
		await signUp(t.db, { actor: s.colleague, organizerId: s.org, courseId: s.unrelated.id });
		await cancelSignUp(t.db, { actor: s.colleague, organizerId: s.org, courseId: s.unrelated.id });
		await signUp(t.db, { actor: s.colleague, organizerId: s.org, courseId: s.byCategory.id });
		await t.db.update(competenceCourses).set({ archivedAt: new Date() }).where(eq(competenceCourses.id, s.byCategory.id));
		const sums = (p: { offered: { signedUp: number; completed: number }[] }) => ({
			signedUp: p.offered.reduce((n, c) => n + c.signedUp, 0),
			completed: p.offered.reduce((n, c) => n + c.completed, 0)
		});
		for (const [actor, unitId] of [
			[s.support, null],
			[s.support, s.school.id],
			[s.support, s.other.id],
			[s.principal, null],
			[s.principal, s.school.id]
		] as const) {
			const o = { actor, organizerId: s.org, unitId };
			expect(await countCourseUptake(t.db, o)).toEqual(sums(await getNeedsPicture(t.db, o)));
		}
		expect(await countCourseUptake(t.db, { actor: s.support, organizerId: s.org, unitId: null })).toEqual({ signedUp: 4, completed: 2 });
		expect(await countCourseUptake(t.db, { actor: s.support, organizerId: s.org, unitId: s.school.id })).toEqual({
			signedUp: 3,
			completed: 2
		});
		expect(await refusal(countCourseUptake(t.db, { actor: s.otherPrincipal, organizerId: s.org, unitId: s.school.id }))).toBe('FORBIDDEN');
		expect(await refusal(countCourseUptake(t.db, { actor: s.teacher, organizerId: s.org, unitId: null }))).toBe('FORBIDDEN');
	});
});
