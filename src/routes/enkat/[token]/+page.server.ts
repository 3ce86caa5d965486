import { fail, redirect } from '@sveltejs/kit';
import { isAppError } from '$lib/server/errors';
import { formValues, runAction } from '$lib/server/http/errors';
import { getSurveyForm } from '$lib/server/followup/surveys/get-survey-form';
import { submitSurveyAnswers } from '$lib/server/followup/surveys/submit-survey-answers';
import type { Actions, PageServerLoad } from './$types';

/** A survey answered through a one-use link, signed in or not. An unknown or replaced link says so on the page. */
export const load: PageServerLoad = async ({ locals, params, setHeaders, url }) => {
	// The token is in the URL: keep it out of caches.
	setHeaders({ 'Cache-Control': 'no-store' });
	const thanks = url.searchParams.has('tack');
	try {
		return { form: await getSurveyForm(locals.db, params.token), thanks };
	} catch (e) {
		if (isAppError(e) && e.code === 'NOT_FOUND') return { form: null, thanks };
		throw e;
	}
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		return runAction(
			async () => {
				await submitSurveyAnswers(locals.db, { token: params.token, values });
				redirect(303, `/enkat/${params.token}?tack`);
			},
			{ values, recover: (e) => (isAppError(e) && e.code === 'NOT_FOUND' ? fail(410, { gone: true, values: {}, issues: [] }) : undefined) }
		);
	}
};
