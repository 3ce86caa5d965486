import { getLocale } from '$lib/paraglide/runtime';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { getSurveyResults } from '$lib/server/followup/surveys/get-survey-results';
import { presentSurveyResults } from '$lib/server/followup/surveys/present-survey-results';
import { surveyResultsCsv } from '$lib/server/followup/surveys/survey-results-csv';
import type { RequestHandler } from './$types';

/** One survey's suppressed results as CSV (surveys.results): the figures the page shows, never free text. */
export const GET: RequestHandler = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'surveys.results');
	const results = await getSurveyResults(event.locals.db, { actor, organizerId: organizer.id, surveyId: event.params.surveyId }).catch(
		throwHttp
	);
	return new Response(surveyResultsCsv(presentSurveyResults(results), getLocale() === 'en' ? 'en' : 'sv'), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="enkat-${results.survey.id}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
