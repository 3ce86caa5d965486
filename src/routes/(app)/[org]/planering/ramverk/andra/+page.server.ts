import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, throwHttp, runAction } from '$lib/server/http/errors';
import { AppError } from '$lib/server/errors';
import { getCommonFramework } from '$lib/server/planning/vision/get-common-framework';
import { saveFrameworkTexts } from '$lib/server/planning/vision/save-framework-texts';
import { saveFinancing } from '$lib/server/planning/vision/save-financing';
import { PAYERS } from '$lib/server/planning/vision/financing';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const framework = await getCommonFramework(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	if (!framework.canWrite) throwHttp(new AppError('FORBIDDEN', 'framework'));
	return { framework, payers: PAYERS };
};

export const actions: Actions = {
	texts: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await saveFrameworkTexts(event.locals.db, { actor, organizerId: organizer.id, input: values });
				redirect(303, `/${organizer.slug}/planering/ramverk?sparat`);
			},
			{ values: { ...values, form: 'texts' } }
		);
	},
	financing: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await saveFinancing(event.locals.db, { actor, organizerId: organizer.id, input: values });
				redirect(303, `/${organizer.slug}/planering/ramverk?sparat`);
			},
			{ values: { ...values, form: 'financing' } }
		);
	}
};
