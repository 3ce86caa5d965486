import { csvLine } from '../../assessment/reports/export-formats';
import type { presentSurveyResults } from './present-survey-results';
import { surveyResultsSheet } from './survey-results-sheet';

/**
 * A survey's published results as CSV for Swedish Excel (UTF-8 with BOM, `;`, decimal comma): the table of
 * `surveyResultsSheet` — exactly the suppressed figures the page shows (a hidden group's cells are empty); free text
 * is never exported.
 */
export function surveyResultsCsv(v: ReturnType<typeof presentSurveyResults>, locale: 'sv' | 'en'): string {
	const { head, rows } = surveyResultsSheet(v, locale);
	return '\uFEFF' + csvLine(head) + rows.map((r) => csvLine(r)).join('');
}
