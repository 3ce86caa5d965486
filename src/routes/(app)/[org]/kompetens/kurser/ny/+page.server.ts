import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { runAction } from '$lib/server/http/errors';
import { createCourse } from '$lib/server/competence/courses/create-course';
import { courseFormOptions } from '$lib/server/competence/courses/course-form-options';
import { courseFormValues } from '$lib/server/competence/courses/course-form-values';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { organizer } = await requireOrganizer(event, 'competence.catalog.manage');
	return { options: await courseFormOptions(event.locals.db, organizer.id, getLocale() === 'en' ? 'en' : 'sv') };
};

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'competence.catalog.manage');
		const values = courseFormValues(await event.request.formData());
		return runAction(
			async () => {
				const course = await createCourse(event.locals.db, { actor, organizerId: organizer.id, input: values });
				redirect(303, `/${organizer.slug}/kompetens/kurser/${course.id}?sparad`);
			},
			{ values }
		);
	}
};
