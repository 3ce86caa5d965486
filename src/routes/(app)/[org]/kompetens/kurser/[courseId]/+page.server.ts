import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { getCourse } from '$lib/server/competence/courses/get-course';
import { signUp } from '$lib/server/competence/courses/sign-up';
import { cancelSignUp } from '$lib/server/competence/courses/cancel-sign-up';
import { markPartDone } from '$lib/server/competence/courses/mark-part-done';
import { answerQuiz } from '$lib/server/competence/courses/answer-quiz';
import { completeCourse } from '$lib/server/competence/courses/complete-course';
import { giveCourseFeedback } from '$lib/server/competence/courses/give-course-feedback';
import { markAttendance } from '$lib/server/competence/courses/mark-attendance';
import { archiveCourse } from '$lib/server/competence/courses/archive-course';
import type { Actor } from '$lib/server/policies';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const NOTICES = ['sparad', 'anmald', 'avanmald', 'klar', 'tack', 'narvaro', 'arkiverad', 'aterstalld'] as const;

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'competence.catalog');
	const course = await getCourse(event.locals.db, { actor, organizerId: organizer.id, courseId: event.params.courseId }).catch(throwHttp);
	return { course, notice: NOTICES.find((k) => event.url.searchParams.has(k)) ?? null };
};

/** One of the course page's actions: the actor, the organizer, what was sent, and where to go afterwards. */
async function act(
	event: RequestEvent,
	action: string,
	work: (o: { actor: Actor; organizerId: string; courseId: string; values: Record<string, string>; data: FormData }) => Promise<unknown>,
	notice: string | null
) {
	const { actor, organizer } = await requireOrganizer(event, 'competence.catalog');
	const data = await event.request.formData();
	const values = formValues(data);
	return runAction(
		async () => {
			const result = await work({ actor, organizerId: organizer.id, courseId: event.params.courseId, values, data });
			if (notice === null) return { action, result };
			redirect(303, `/${organizer.slug}/kompetens/kurser/${event.params.courseId}?${notice}`);
		},
		{ values, data: { action } }
	);
}

export const actions: Actions = {
	signUp: (event) => act(event, 'signUp', (o) => signUp(event.locals.db, o), 'anmald'),
	cancel: (event) => act(event, 'cancel', (o) => cancelSignUp(event.locals.db, o), 'avanmald'),
	part: (event) => act(event, 'part', (o) => markPartDone(event.locals.db, { ...o, part: o.values.part ?? '' }), `del`),
	quiz: (event) => act(event, 'quiz', (o) => answerQuiz(event.locals.db, { ...o, answers: o.values }), null),
	complete: (event) => act(event, 'complete', (o) => completeCourse(event.locals.db, o), 'klar'),
	feedback: (event) => act(event, 'feedback', (o) => giveCourseFeedback(event.locals.db, { ...o, input: o.values }), 'tack'),
	archive: (event) => act(event, 'archive', (o) => archiveCourse(event.locals.db, { ...o, archived: true }), 'arkiverad'),
	restore: (event) => act(event, 'restore', (o) => archiveCourse(event.locals.db, { ...o, archived: false }), 'aterstalld'),
	attendance: (event) =>
		act(
			event,
			'attendance',
			(o) =>
				markAttendance(event.locals.db, {
					...o,
					presentIds: o.data.getAll('present').filter((v): v is string => typeof v === 'string')
				}),
			'narvaro'
		)
};
