// Covers: getCourseFollowUp through getActionDetails, the action's course check, and loadRoundNeeds' cache (decision 066).
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildCourse, buildOrganizer, buildResponse, buildRound, buildUnit } from '../../../../../tests/factories';
import { assessmentConsensus, competenceRoundNeeds } from '../../db/schema';
import { isAppError } from '../../errors';
import { createAction } from '../../planning/create-action';
import { getActionDetails } from '../../planning/get-action-details';
import { signUp } from './sign-up';
import { markPartDone } from './mark-part-done';
import { completeCourse } from './complete-course';
import { giveCourseFeedback } from './give-course-feedback';
import { loadRoundNeeds } from './load-round-needs';

const t = useTestDatabase();
/** An item of sub-goal 1.1 in the 2026.1 framework. */
const ITEM = 'ns.1-1.amnesdidaktisk-anvandning';
const TAGS = { areas: ['resources'], aspects: [], subGoals: ['1.1'], categoryIds: [], toolIds: [] };

async function setUp() {
	const organizer = await buildOrganizer(t.db);
	const org = organizer.id;
	const school = await buildUnit(t.db, { organizer, name: 'Granskolan' });
	const other = await buildUnit(t.db, { organizer, name: 'Tallskolan' });
	const principal = await buildActor(t.db, [{ role: 'principal', organizerId: org, unitId: school.id }]);
	const support = await buildActor(t.db, [{ role: 'central_pedagogical_support', organizerId: org }]);
	const staff = [];
	for (let i = 0; i < 6; i++) staff.push(await buildActor(t.db, [{ role: 'staff', organizerId: org, unitId: school.id }]));
	const outsider = await buildActor(t.db, [{ role: 'staff', organizerId: org, unitId: other.id }]);
	const before = await buildRound(t.db, {
		organizer,
		units: [school, other],
		opensOn: '2025-09-01',
		closesOn: '2025-10-01',
		name: 'Hösten 2025'
	});
	const after = await buildRound(t.db, {
		organizer,
		units: [school, other],
		opensOn: '2026-03-01',
		closesOn: '2026-04-01',
		name: 'Våren 2026'
	});
	for (let i = 0; i < 6; i++) {
		await buildResponse(t.db, { round: before, unitId: school.id, perspective: 'staff', answers: { [ITEM]: 1 + (i % 2) } });
		await buildResponse(t.db, { round: after, unitId: school.id, perspective: 'staff', answers: { [ITEM]: 3 } });
		for (const round of [before, after])
			await buildResponse(t.db, { round, unitId: other.id, perspective: 'staff', answers: { [ITEM]: 4 } });
	}
	const course = await buildCourse(t.db, { organizerId: org, title: 'Ämnesdidaktik med digitala verktyg', tags: TAGS });
	return { organizer, org, school, other, principal, support, staff, outsider, before, after, course };
}

const ACTION = (s: Awaited<ReturnType<typeof setUp>>, courseId: string) => ({
	scope: s.school.id,
	title: 'Kompetensutveckling för Granskolan',
	responsibleId: s.principal.personId,
	startsOn: '2026-01-10',
	courseId,
	links: ['nationella-strategin:1.1']
});

describe('following up a planned course', () => {
	it("shows the unit's sign-ups, completions, feedback over the threshold and the sub-goal before and after", async () => {
		const s = await setUp();
		const action = await createAction(t.db, { actor: s.principal, organizerId: s.org, period: '2025/26', input: ACTION(s, s.course.id) });
		for (const [i, person] of [...s.staff.slice(0, 5), s.outsider].entries()) {
			await signUp(t.db, { actor: person, organizerId: s.org, courseId: s.course.id });
			for (const part of ['0', '1']) await markPartDone(t.db, { actor: person, organizerId: s.org, courseId: s.course.id, part });
			await completeCourse(t.db, { actor: person, organizerId: s.org, courseId: s.course.id });
			await giveCourseFeedback(t.db, { actor: person, organizerId: s.org, courseId: s.course.id, input: { score: String(i % 2 ? 5 : 4) } });
		}
		await signUp(t.db, { actor: s.staff[5], organizerId: s.org, courseId: s.course.id });

		const details = await getActionDetails(t.db, { actor: s.principal, organizerId: s.org, actionId: action.id, locale: 'sv' });
		expect(details.values.courseId).toBe(s.course.id);
		const f = details.course!;
		// The school's own staff: 6 signed up (the outsider at Tallskolan is not counted), 5 completed.
		expect(f).toMatchObject({ signedUp: 6, completed: 5, course: { title: 'Ämnesdidaktik med digitala verktyg', archived: false } });
		expect(f.scopeStaff).toBe(7); // six staff and the principal
		expect(f.feedback).toEqual({ answers: 5, threshold: 5, mean: 4.4 });
		expect(f.rounds).toEqual({ before: 'Hösten 2025', after: 'Våren 2026' });
		expect(f.subGoals).toEqual([{ key: '1.1', title: expect.any(Object), before: 1.5, after: 3 }]);
		// A principal does not read reflection aggregates; central pedagogical support does (none shown: too few).
		expect(f.areas).toBeNull();
		const theirs = await getActionDetails(t.db, { actor: s.support, organizerId: s.org, actionId: action.id, locale: 'sv' });
		expect(theirs.course!.areas).toEqual([{ key: 'resources', title: expect.any(Object), before: null, after: null }]);
	});

	it('hides the feedback mean under the threshold and refuses a course of another organizer beside the field', async () => {
		const s = await setUp();
		const action = await createAction(t.db, { actor: s.principal, organizerId: s.org, period: '2025/26', input: ACTION(s, s.course.id) });
		await signUp(t.db, { actor: s.staff[0], organizerId: s.org, courseId: s.course.id });
		for (const part of ['0', '1']) await markPartDone(t.db, { actor: s.staff[0], organizerId: s.org, courseId: s.course.id, part });
		await completeCourse(t.db, { actor: s.staff[0], organizerId: s.org, courseId: s.course.id });
		await giveCourseFeedback(t.db, { actor: s.staff[0], organizerId: s.org, courseId: s.course.id, input: { score: '2' } });
		const f = (await getActionDetails(t.db, { actor: s.principal, organizerId: s.org, actionId: action.id, locale: 'sv' })).course!;
		expect(f.feedback).toEqual({ answers: 1, threshold: 5, mean: null });

		const elsewhere = await buildOrganizer(t.db);
		const foreign = await buildCourse(t.db, { organizerId: elsewhere.id });
		const refused = await createAction(t.db, { actor: s.principal, organizerId: s.org, input: ACTION(s, foreign.id) }).catch((e) => e);
		expect(isAppError(refused) && refused.issues).toEqual([{ field: 'courseId', message: 'courseadmin_error_action_course' }]);
	});

	it('lets central pedagogical support plan a course for a unit, but no action without a course', async () => {
		const s = await setUp();
		const input = { ...ACTION(s, s.course.id), responsibleId: s.support.personId };
		const made = await createAction(t.db, { actor: s.support, organizerId: s.org, period: '2025/26', input });
		const details = await getActionDetails(t.db, { actor: s.support, organizerId: s.org, actionId: made.id, locale: 'sv' });
		expect(details.course?.course.title).toBe('Ämnesdidaktik med digitala verktyg');
		expect(details.canEdit).toBe(false);
		const refused = await createAction(t.db, { actor: s.support, organizerId: s.org, input: { ...input, courseId: '' } }).catch((e) => e);
		expect(isAppError(refused) && refused.issues).toEqual([{ field: 'scope', message: 'planning_error_scope_not_allowed' }]);
	});

	it('keeps the sub-goal figures of a closed round and builds them again when an agreed level changes', async () => {
		const s = await setUp();
		const first = await loadRoundNeeds(t.db, { organizerId: s.org, roundId: s.before.id });
		const [row] = await t.db.select().from(competenceRoundNeeds).where(eq(competenceRoundNeeds.roundId, s.before.id));
		expect(row.figures).toEqual(first);
		expect(first.subGoals.find((g) => g.id === '1.1')?.units[s.school.id]).toBe(1.5);
		await t.db
			.insert(assessmentConsensus)
			.values({ roundId: s.before.id, unitId: s.school.id, organizerId: s.org, itemKey: ITEM, level: 2 });
		const again = await loadRoundNeeds(t.db, { organizerId: s.org, roundId: s.before.id });
		const [after] = await t.db.select().from(competenceRoundNeeds).where(eq(competenceRoundNeeds.roundId, s.before.id));
		expect(after.stamp).not.toBe(row.stamp);
		expect(after.figures).toEqual(again);
	});
});
