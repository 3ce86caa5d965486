// Covers: createCourse, updateCourse, getCourseForm, findCatalog, getCourse, signUp, cancelSignUp, markPartDone,
// answerQuiz, completeCourse, giveCourseFeedback, markAttendance, findMyCourses, getCertificate, findParticipation.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildArticle, buildCourse, buildOrganizer, buildUnit } from '../../../../../tests/factories';
import { auditEvents } from '../../db/schema';
import { isAppError } from '../../errors';
import { createCourse } from './create-course';
import { updateCourse } from './update-course';
import { getCourseForm } from './get-course-form';
import { findCatalog } from './find-catalog';
import { getCourse } from './get-course';
import { signUp } from './sign-up';
import { cancelSignUp } from './cancel-sign-up';
import { markPartDone } from './mark-part-done';
import { answerQuiz } from './answer-quiz';
import { completeCourse } from './complete-course';
import { giveCourseFeedback } from './give-course-feedback';
import { markAttendance } from './mark-attendance';
import { findMyCourses } from './find-my-courses';
import { getCertificate } from './get-certificate';
import { findParticipation } from './find-participation';

const t = useTestDatabase();

/** The code, field and message of the AppError a promise rejects with. */
async function refusal(p: Promise<unknown>) {
	try {
		await p;
	} catch (e) {
		if (isAppError(e)) return { code: e.code, field: e.issues[0]?.field, message: e.issues[0]?.message };
		throw e;
	}
	throw new Error('expected a refusal');
}

const QUIZ = { passMark: 2, questions: [0, 1, 2].map((i) => ({ text: `Fråga ${i}?`, options: ['Rätt', 'Fel'], correct: 0 })) };

/** An organizer with two schools, central pedagogical support, a teacher at each school and a principal at the first. */
async function setUp() {
	const organizer = await buildOrganizer(t.db);
	const school = await buildUnit(t.db, { organizer, name: 'Björkskolan' });
	const other = await buildUnit(t.db, { organizer, name: 'Ekskolan' });
	const org = organizer.id;
	const support = await buildActor(t.db, [{ role: 'central_pedagogical_support', organizerId: org }]);
	const teacher = await buildActor(t.db, [{ role: 'staff', organizerId: org, unitId: school.id }], { name: 'Anna Lärare' });
	const otherTeacher = await buildActor(t.db, [{ role: 'staff', organizerId: org, unitId: other.id }], { name: 'Erik Lärare' });
	const principal = await buildActor(t.db, [{ role: 'principal', organizerId: org, unitId: school.id }]);
	return { organizer, org, school, other, support, teacher, otherTeacher, principal };
}

const FORM = {
	kind: 'short',
	title: 'Bildanalys med elever',
	description: 'Tre korta steg.',
	parts: 'film: https://film.exempel.se/1 En kort film\nuppgift: Prova med en klass',
	quiz: 'Vad är en källa? | *Där uppgiften kommer ifrån | En dator\nVem äger bilden? | Ingen | *Den som tog den',
	passMark: '1',
	areas: 'resources',
	aspects: 'critical,tools',
	subGoals: '1.1'
};

describe('the course catalog', () => {
	it('is managed by central pedagogical support and read by all staff, each organizer its own', async () => {
		const s = await setUp();
		const article = await buildArticle(t.db, { organizerId: s.org, slug: `kallkritik-${Date.now()}` });
		const course = await createCourse(t.db, {
			actor: s.support,
			organizerId: s.org,
			input: { ...FORM, parts: `artikel: ${article.slug}\n${FORM.parts}` }
		});
		expect(course.parts.map((p) => p.kind)).toEqual(['article', 'film', 'task']);
		expect(course.quiz?.questions[1].correct).toBe(1);
		expect(course.tags.aspects).toEqual(['critical', 'tools']);
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, course.id), eq(auditEvents.action, 'competence.course.create')));
		expect(audit.actorId).toBe(s.support.personId);

		expect((await refusal(createCourse(t.db, { actor: s.teacher, organizerId: s.org, input: FORM }))).code).toBe('FORBIDDEN');
		expect((await refusal(createCourse(t.db, { actor: s.principal, organizerId: s.org, input: FORM }))).code).toBe('FORBIDDEN');
		const catalog = await findCatalog(t.db, { actor: s.teacher, organizerId: s.org });
		expect(catalog.courses.map((c) => c.id)).toContain(course.id);
		expect(catalog.canManage).toBe(false);

		// Another organizer neither sees nor changes it, nor can its article be named from there.
		const elsewhere = await setUp();
		expect((await findCatalog(t.db, { actor: elsewhere.teacher, organizerId: elsewhere.org })).courses.map((c) => c.id)).not.toContain(
			course.id
		);
		expect((await refusal(getCourse(t.db, { actor: elsewhere.teacher, organizerId: elsewhere.org, courseId: course.id }))).code).toBe(
			'NOT_FOUND'
		);
		expect(
			(await refusal(updateCourse(t.db, { actor: elsewhere.support, organizerId: elsewhere.org, courseId: course.id, input: FORM }))).code
		).toBe('NOT_FOUND');
		expect((await refusal(getCourse(t.db, { actor: elsewhere.teacher, organizerId: s.org, courseId: course.id }))).code).toBe('FORBIDDEN');
		expect(
			await refusal(
				createCourse(t.db, { actor: elsewhere.support, organizerId: elsewhere.org, input: { ...FORM, parts: `artikel: ${article.slug}` } })
			)
		).toMatchObject({
			field: 'parts',
			message: 'courses_error_article'
		});
	});

	it('refuses bad input beside its field and reads a course back as its form', async () => {
		const s = await setUp();
		const live = { kind: 'live', title: 'Träff', startsAt: '2027-02-01T15:00', endsAt: '2027-02-01T14:00', place: 'Aulan', capacity: '10' };
		expect(await refusal(createCourse(t.db, { actor: s.support, organizerId: s.org, input: live }))).toMatchObject({
			field: 'endsAt',
			message: 'courses_error_ends_before'
		});
		const past = { ...live, endsAt: '2027-02-01T16:30' };
		expect(
			await refusal(createCourse(t.db, { actor: s.support, organizerId: s.org, input: past, now: new Date('2027-02-02T08:00:00Z') }))
		).toMatchObject({ field: 'startsAt', message: 'courses_error_starts_past' });
		expect(await refusal(createCourse(t.db, { actor: s.support, organizerId: s.org, input: { ...live, capacity: '' } }))).toMatchObject({
			field: 'endsAt'
		});
		expect(
			await refusal(createCourse(t.db, { actor: s.support, organizerId: s.org, input: { ...FORM, quiz: 'Fråga utan svar | a | b' } }))
		).toMatchObject({
			field: 'quiz',
			message: 'courses_error_quiz'
		});
		expect(
			await refusal(createCourse(t.db, { actor: s.support, organizerId: s.org, input: { ...FORM, parts: 'läs något' } }))
		).toMatchObject({ field: 'parts' });
		expect(
			await refusal(createCourse(t.db, { actor: s.support, organizerId: s.org, input: { kind: 'external', title: 'Extern' } }))
		).toMatchObject({ field: 'url' });

		const made = await createCourse(t.db, { actor: s.support, organizerId: s.org, input: { ...live, endsAt: '2027-02-01T16:30' } });
		const form = await getCourseForm(t.db, { actor: s.support, organizerId: s.org, courseId: made.id });
		expect(form.values).toMatchObject({ startsAt: '2027-02-01T15:00', endsAt: '2027-02-01T16:30', place: 'Aulan', capacity: '10' });
		const changed = await updateCourse(t.db, {
			actor: s.support,
			organizerId: s.org,
			courseId: made.id,
			input: { ...form.values, capacity: '12' }
		});
		expect(changed.capacity).toBe(12);
	});
});

describe('signing up, completing and feedback', () => {
	it('refuses a sign-up to a full live session with a message and lets one in when a seat frees', async () => {
		const s = await setUp();
		const now = new Date('2027-01-10T10:00:00Z');
		const session = await buildCourse(t.db, {
			organizerId: s.org,
			kind: 'live',
			parts: [],
			capacity: 1,
			place: 'Aulan',
			startsAt: new Date('2027-01-20T14:00:00Z'),
			endsAt: new Date('2027-01-20T15:00:00Z')
		});
		await signUp(t.db, { actor: s.teacher, organizerId: s.org, courseId: session.id, now });
		expect(await refusal(signUp(t.db, { actor: s.otherTeacher, organizerId: s.org, courseId: session.id, now }))).toMatchObject({
			code: 'CONFLICT',
			message: 'courses_error_full'
		});
		expect(await refusal(signUp(t.db, { actor: s.teacher, organizerId: s.org, courseId: session.id, now }))).toMatchObject({
			message: 'courses_error_already'
		});
		await cancelSignUp(t.db, { actor: s.teacher, organizerId: s.org, courseId: session.id, now });
		await signUp(t.db, { actor: s.otherTeacher, organizerId: s.org, courseId: session.id, now });
		const page = await getCourse(t.db, { actor: s.support, organizerId: s.org, courseId: session.id, now });
		expect(page.participants.map((p) => p.name)).toEqual(['Erik Lärare']);
		expect(page.free).toBe(0);
		// A session that is over takes no sign-ups; its attendance completes it for those who came.
		const later = new Date('2027-01-20T16:00:00Z');
		expect(await refusal(signUp(t.db, { actor: s.teacher, organizerId: s.org, courseId: session.id, now: later }))).toMatchObject({
			message: 'courses_error_over'
		});
		expect((await refusal(markAttendance(t.db, { actor: s.teacher, organizerId: s.org, courseId: session.id, presentIds: [] }))).code).toBe(
			'FORBIDDEN'
		);
		await markAttendance(t.db, {
			actor: s.support,
			organizerId: s.org,
			courseId: session.id,
			presentIds: [s.otherTeacher.personId],
			now: later
		});
		const mine = await findMyCourses(t.db, { actor: s.otherTeacher, organizerId: s.org });
		expect(mine[0]).toMatchObject({ id: session.id, completedAt: later });
	});

	it('completes a short course only when every part is done and the quiz is passed', async () => {
		const s = await setUp();
		const course = await buildCourse(t.db, { organizerId: s.org, quiz: QUIZ });
		const o = { actor: s.teacher, organizerId: s.org, courseId: course.id };
		expect(await refusal(markPartDone(t.db, { ...o, part: '0' }))).toMatchObject({
			code: 'CONFLICT',
			message: 'courses_error_not_signed_up'
		});
		await signUp(t.db, o);
		await markPartDone(t.db, { ...o, part: '0' });
		expect(await refusal(completeCourse(t.db, o))).toMatchObject({ message: 'courses_error_parts_left' });
		expect(await refusal(markPartDone(t.db, { ...o, part: '7' }))).toMatchObject({ message: 'courses_error_part' });
		await markPartDone(t.db, { ...o, part: '1' });
		expect(await refusal(completeCourse(t.db, o))).toMatchObject({ message: 'courses_error_quiz_needed' });
		expect(await refusal(answerQuiz(t.db, { ...o, answers: { q0: '0', q1: '0' } }))).toMatchObject({ field: 'q2' });
		expect(await answerQuiz(t.db, { ...o, answers: { q0: '0', q1: '1', q2: '1' } })).toMatchObject({ right: 1, passed: false });
		expect(await refusal(completeCourse(t.db, o))).toMatchObject({ message: 'courses_error_quiz_needed' });
		expect(await refusal(getCertificate(t.db, o))).toMatchObject({ code: 'NOT_FOUND' });
		expect(await answerQuiz(t.db, { ...o, answers: { q0: '0', q1: '0', q2: '1' } })).toMatchObject({ right: 2, passed: true });
		const when = new Date('2027-03-01T09:00:00Z');
		await completeCourse(t.db, { ...o, now: when });
		expect(await refusal(completeCourse(t.db, o))).toMatchObject({ message: 'courses_error_completed' });
		expect(await getCertificate(t.db, o)).toMatchObject({ name: 'Anna Lärare', title: course.title, completedAt: when });
		// The certificate is the person's own.
		expect((await refusal(getCertificate(t.db, { ...o, actor: s.principal }))).code).toBe('NOT_FOUND');
	});

	it('takes the one feedback question once, after completion', async () => {
		const s = await setUp();
		const course = await buildCourse(t.db, { organizerId: s.org, parts: [] });
		const o = { actor: s.teacher, organizerId: s.org, courseId: course.id };
		await signUp(t.db, o);
		expect(await refusal(giveCourseFeedback(t.db, { ...o, input: { score: '4' } }))).toMatchObject({
			message: 'courses_error_feedback_early'
		});
		await completeCourse(t.db, o);
		expect(await refusal(giveCourseFeedback(t.db, { ...o, input: { score: '9' } }))).toMatchObject({ field: 'score' });
		await giveCourseFeedback(t.db, { ...o, input: { score: '4', comment: 'Bra exempel.' } });
		expect(await refusal(giveCourseFeedback(t.db, { ...o, input: { score: '5' } }))).toMatchObject({
			code: 'CONFLICT',
			message: 'courses_error_feedback_given'
		});
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, course.id), eq(auditEvents.action, 'competence.enrolment.feedback')));
		expect(audit.changes).toEqual({ score: [null, 4] });
	});

	it('shows a principal the attendance of their own units only', async () => {
		const s = await setUp();
		const course = await buildCourse(t.db, { organizerId: s.org, parts: [] });
		for (const actor of [s.teacher, s.otherTeacher]) await signUp(t.db, { actor, organizerId: s.org, courseId: course.id });
		await completeCourse(t.db, { actor: s.teacher, organizerId: s.org, courseId: course.id });
		const seen = await findParticipation(t.db, { actor: s.principal, organizerId: s.org });
		expect(seen.map((u) => u.unitName)).toEqual(['Björkskolan']);
		expect(seen[0].people).toEqual([
			{ name: 'Anna Lärare', courses: [{ title: course.title, kind: 'short', attended: false, completed: true }] }
		]);
		expect((await findParticipation(t.db, { actor: s.support, organizerId: s.org })).map((u) => u.unitName)).toEqual([
			'Björkskolan',
			'Ekskolan'
		]);
		expect((await refusal(findParticipation(t.db, { actor: s.teacher, organizerId: s.org }))).code).toBe('FORBIDDEN');
	});
});
