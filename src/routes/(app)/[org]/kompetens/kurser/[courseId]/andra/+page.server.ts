import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { runAction, throwHttp } from '$lib/server/http/errors';
import { updateCourse } from '$lib/server/competence/courses/update-course';
import { getCourseForm } from '$lib/server/competence/courses/get-course-form';
import { courseFormOptions } from '$lib/server/competence/courses/course-form-options';
import { courseFormValues } from '$lib/server/competence/courses/course-form-values';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'competence.catalog.manage');
	const course = await getCourseForm(event.locals.db, { actor, organizerId: organizer.id, courseId: event.params.courseId }).catch(
		throwHttp
	);
	return { course, options: await courseFormOptions(event.locals.db, organizer.id, getLocale() === 'en' ? 'en' : 'sv') };
};

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'competence.catalog.manage');
		const values = courseFormValues(await event.request.formData());
		return runAction(
			async () => {
				const course = await updateCourse(event.locals.db, {
					actor,
					organizerId: organizer.id,
					courseId: event.params.courseId,
					input: values
				});
				redirect(303, `/${organizer.slug}/kompetens/kurser/${course.id}?sparad`);
			},
			{ values }
		);
	}
};
