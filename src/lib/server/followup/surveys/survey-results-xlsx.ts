import ExcelJS from 'exceljs';
import { m } from '$lib/paraglide/messages';
import type { presentSurveyResults } from './present-survey-results';
import { surveyResultsSheet } from './survey-results-sheet';

/** A cell a spreadsheet never reads as a formula. */
const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/**
 * A survey's published results as a workbook: one sheet with the survey's title and anonymity rule on top, then the
 * table of `surveyResultsSheet` — the page's suppressed figures only, a hidden cell written as "dold"/"hidden", never
 * free text.
 */
export async function surveyResultsXlsx(v: ReturnType<typeof presentSurveyResults>, locale: 'sv' | 'en'): Promise<Buffer> {
	const o = { locale };
	const { head, rows } = surveyResultsSheet(v, locale);
	const book = new ExcelJS.Workbook();
	const ws = book.addWorksheet(m.survey_results_heading({}, o).slice(0, 31));
	ws.addRow([safe(locale === 'en' ? v.survey.titleEn : v.survey.titleSv)]).font = { bold: true };
	ws.addRow([m.survey_threshold_note({ threshold: v.threshold }, o)]).font = { italic: true };
	ws.addRow(head.map(safe)).font = { bold: true };
	const hidden = m.survey_hidden({}, o);
	for (const r of rows) ws.addRow(r.map((c) => (c === null ? hidden : typeof c === 'string' ? safe(c) : c)));
	ws.columns.forEach((c, i) => (c.width = i < 2 ? 26 : 16));
	return Buffer.from(await book.xlsx.writeBuffer());
}
