import type { SurveyResultsView } from './get-survey-results';

/** What the survey page may show: the survey's public fields and its suppressed results, never raw responses. */
export function presentSurveyResults(v: SurveyResultsView) {
	const s = v.survey;
	return {
		survey: {
			id: s.id,
			kind: s.kind,
			titleSv: s.titleSv,
			titleEn: s.titleEn,
			anonymous: s.anonymous,
			status: s.status,
			questions: s.questions
		},
		published: v.published,
		overTime: v.overTime,
		threshold: v.threshold,
		periods: v.periods,
		rates: v.rates,
		groups: v.groups,
		periodTotals: v.periodTotals
	};
}
