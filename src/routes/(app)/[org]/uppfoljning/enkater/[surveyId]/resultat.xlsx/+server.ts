import { getLocale } from '$lib/paraglide/runtime';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { getSurveyResults } from '$lib/server/followup/surveys/get-survey-results';
import { presentSurveyResults } from '$lib/server/followup/surveys/present-survey-results';
import { surveyResultsXlsx } from '$lib/server/followup/surveys/survey-results-xlsx';
import type { RequestHandler } from './$types';

/** One survey's suppressed results as XLSX (surveys.results): the same cells as the CSV and the page, never free text. */
export const GET: RequestHandler = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'surveys.results');
	const results = await getSurveyResults(event.locals.db, { actor, organizerId: organizer.id, surveyId: event.params.surveyId }).catch(
		throwHttp
	);
	const body = await surveyResultsXlsx(presentSurveyResults(results), getLocale() === 'en' ? 'en' : 'sv');
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="enkat-${results.survey.id}.xlsx"`,
			'cache-control': 'no-store'
		}
	});
};
