import { m } from '$lib/paraglide/messages';
import type { presentSurveyResults } from './present-survey-results';

type Presented = ReturnType<typeof presentSurveyResults>;
export type SheetCell = string | number | null;

/**
 * A survey's published results as one table for the exports: one line per shown or hidden group — the viewer's units
 * and each period's total — with respondents, the mean of each scale question (two decimals) and the answers per
 * option of each choice question. Exactly the suppressed figures the page shows (a hidden group's cells are null);
 * free text is never part of it. CSV and XLSX both write this table, so they cannot disagree.
 */
export function surveyResultsSheet(v: Presented, locale: 'sv' | 'en'): { head: string[]; rows: SheetCell[][] } {
	const o = { locale };
	const text = (x: { sv: string; en: string }) => (locale === 'en' ? x.en : x.sv);
	const scales = v.survey.questions.filter((q) => q.kind === 'scale');
	const choices = v.survey.questions.flatMap((q) => (q.kind === 'choice' ? [q] : []));
	const head = [
		m.survey_col_unit({}, o),
		m.survey_col_period({}, o),
		m.survey_col_respondents({}, o),
		...scales.map((q) => text(q)),
		...choices.flatMap((q) => q.options.map((opt) => `${text(q)}: ${text(opt)}`))
	];
	const groups = v.published
		? [...v.groups.map((g) => ({ ...g, label: g.unitName })), ...v.periodTotals.map((g) => ({ ...g, label: m.survey_all_units({}, o) }))]
		: [];
	const round = (n: number | null | undefined) => (n === null || n === undefined ? null : Math.round(n * 100) / 100);
	const rows = groups.map((g): SheetCell[] => [
		g.label,
		g.period || m.survey_period_round({}, o),
		g.respondents,
		...scales.map((q) => round(g.means[q.key])),
		...choices.flatMap((q) => q.options.map((opt) => (g.choices[q.key] ? (g.choices[q.key]![opt.key] ?? 0) : null)))
	]);
	return { head, rows };
}
