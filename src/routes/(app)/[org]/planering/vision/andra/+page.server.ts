import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, throwHttp, runAction } from '$lib/server/http/errors';
import { getLocale } from '$lib/paraglide/runtime';
import { AppError } from '$lib/server/errors';
import { getVision } from '$lib/server/planning/vision/get-vision';
import { saveVisionText } from '$lib/server/planning/vision/save-vision-text';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const vision = await getVision(event.locals.db, { actor, organizerId: organizer.id, locale: getLocale() }).catch(throwHttp);
	if (!vision.canWrite) throwHttp(new AppError('FORBIDDEN', 'vision'));
	return { text: vision.text };
};

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await saveVisionText(event.locals.db, { actor, organizerId: organizer.id, input: values });
				redirect(303, `/${organizer.slug}/planering/vision?sparat`);
			},
			{ values, field: 'text' }
		);
	}
};
