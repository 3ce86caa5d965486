import ExcelJS from 'exceljs';
import { m } from '$lib/paraglide/messages';
import type { BoardReportView } from './find-board-reports';
import { summarize, type SummaryLocale } from './summarize';
import { actionStatusLabel, decisionStatusLabel, movementLabel, slaLabel } from './labels';
import { spreadInWords } from '$lib/followup/spread-words';

/** A cell a spreadsheet never reads as a formula. */
const text = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
const numOrBlank = (v: number | null | undefined) => (v === null || v === undefined ? '' : v);

/**
 * Every figure of a generated board report as a workbook, one sheet per section, each headed by where its figures
 * come from. Built from the frozen snapshot only: a figure the anonymity rule hid was stored without its number and
 * shows here as "dold" / "hidden".
 */
export async function boardReportXlsx(report: BoardReportView, locale: SummaryLocale): Promise<Buffer> {
	const o = { locale };
	const s = report.snapshot;
	const hidden = m.board_hidden({}, o);
	const status = (v: string) => actionStatusLabel(v, o);
	const book = new ExcelJS.Workbook();
	const sheet = (name: string, source: string, header: string[]) => {
		const ws = book.addWorksheet(name.slice(0, 31));
		ws.addRow([text(source)]).font = { italic: true };
		ws.addRow(header).font = { bold: true };
		ws.columns.forEach((c) => (c.width = 22));
		return ws;
	};

	const overview = sheet(m.board_sheet_overview({}, o), m.board_title({ period: s.period.label }, o), [
		m.board_col_what({}, o),
		m.board_col_value({}, o)
	]);
	overview.addRow([m.board_col_organizer({}, o), text(s.organizerName)]);
	overview.addRow([m.board_col_period({}, o), `${s.period.from} – ${s.period.to}`]);
	overview.addRow([m.board_col_filter({}, o), text(s.unit ? m.bw_filter_unit({ unit: s.unit.name }, o) : m.board_whole_organizer({}, o))]);
	overview.addRow([m.board_col_generated({}, o), report.generatedAt.toISOString()]);
	for (const line of summarize(s, locale)) overview.addRow([m.board_section_summary({}, o), text(line)]);

	const standing = sheet(m.board_section_standing({}, o), m.board_source_standing({ round: s.standing.round?.name ?? '–' }, o), [
		m.board_col_sub_goal({}, o),
		m.board_col_mean({}, o),
		m.board_col_before({}, o),
		m.board_col_change({}, o),
		m.board_col_real({}, o),
		m.board_col_spread({}, o),
		m.board_col_units({}, o),
		...(s.unit ? [m.bw_col_unit_value({ unit: s.unit.name }, o)] : [])
	]);
	for (const g of s.standing.subGoals)
		standing.addRow([
			text(`${g.id} ${g.title[locale] || g.title.sv}`),
			g.hidden ? hidden : numOrBlank(g.mean),
			numOrBlank(g.before),
			numOrBlank(g.diff),
			g.real ? m.board_yes({}, o) : '',
			numOrBlank(g.spread),
			g.unitsCounted,
			...(s.unit ? [numOrBlank(g.unitValue)] : [])
		]);

	const actions = sheet(m.board_sheet_actions({}, o), m.board_source_actions({ years: s.done.schoolYears.join(', ') }, o), [
		m.board_col_action({}, o),
		m.board_col_plan({}, o),
		m.board_col_status({}, o),
		m.board_col_due({}, o),
		m.board_col_overdue({}, o)
	]);
	for (const a of s.done.actions)
		actions.addRow([
			text(a.title),
			text(a.plan ?? m.board_whole_organizer({}, o)),
			status(a.status),
			a.dueOn ?? '',
			a.overdue ? m.board_yes({}, o) : ''
		]);

	const decisions = sheet(m.board_sheet_decisions({}, o), m.board_source_decisions({}, o), [
		m.board_col_decision({}, o),
		m.board_col_forum({}, o),
		m.board_col_held({}, o),
		m.board_col_status({}, o),
		m.board_col_due({}, o)
	]);
	for (const d of s.done.decisions)
		decisions.addRow([text(d.text), text(d.forum), d.heldOn, decisionStatusLabel(d.status, o), d.dueOn ?? '']);

	const devices = sheet(m.board_sheet_devices({}, o), m.board_source_devices({}, o), [
		m.board_col_model({}, o),
		m.board_col_devices({}, o),
		m.board_col_device_years({}, o),
		m.board_col_repairs({}, o),
		m.board_col_losses({}, o),
		m.board_col_cost_student_year({}, o)
	]);
	for (const d of s.costs.devices)
		devices.addRow([text(d.name), d.devices, d.deviceYears, d.repairs, d.losses, numOrBlank(d.costPerStudentYear)]);

	const licences = sheet(m.board_sheet_licences({}, o), m.board_source_licences({}, o), [
		m.board_col_tool({}, o),
		m.board_col_unit({}, o),
		m.board_col_seats({}, o),
		m.board_col_used({}, o),
		m.board_col_share({}, o),
		m.board_col_price({}, o),
		m.board_col_cost_active({}, o)
	]);
	for (const l of s.costs.licences)
		licences.addRow([
			text(l.tool),
			text(l.unit ?? m.board_central_pool({}, o)),
			l.seats,
			l.used,
			Math.round(l.share * 1000) / 1000,
			numOrBlank(l.priceSek),
			numOrBlank(l.costPerActiveUser)
		]);

	const indicators = sheet(m.board_sheet_indicators({}, o), m.board_source_indicators({}, o), [
		m.board_col_indicator({}, o),
		m.board_col_chain({}, o),
		m.board_col_baseline({}, o),
		m.board_col_latest({}, o),
		m.board_col_target({}, o),
		m.board_col_moved({}, o)
	]);
	for (const i of s.costs.indicators)
		indicators.addRow([
			text(i.name),
			text(i.unit ? `${i.chain} (${i.unit})` : i.chain),
			numOrBlank(i.baseline),
			i.hidden ? hidden : numOrBlank(i.latest),
			numOrBlank(i.target),
			movementLabel(i.movement, o)
		]);

	const sup = s.support;
	const support = sheet(m.board_sheet_support({}, o), m.board_source_support({}, o), [m.board_col_what({}, o), m.board_col_value({}, o)]);
	support.addRow([m.board_fig_cases({}, o), sup.cases]);
	support.addRow([m.board_fig_technical({}, o), sup.byChain.technical]);
	support.addRow([m.board_fig_pedagogical({}, o), sup.byChain.pedagogical]);
	support.addRow([m.board_fig_lost_lessons({}, o), sup.lostLessons]);
	support.addRow([m.board_fig_students({}, o), sup.studentsAffected]);
	support.addRow([
		m.board_fig_lead_median({}, o),
		numOrBlank(sup.leadTimeMedianMinutes === null ? null : Math.round(sup.leadTimeMedianMinutes / 6) / 10)
	]);
	support.addRow([
		m.board_fig_lead_p90({}, o),
		numOrBlank(sup.leadTimeP90Minutes === null ? null : Math.round(sup.leadTimeP90Minutes / 6) / 10)
	]);
	for (const x of sup.sla)
		support.addRow([slaLabel(x.kind, o), numOrBlank(x.compliance === null ? null : Math.round(x.compliance * 1000) / 1000)]);
	support.addRow([m.board_fig_rating({}, o), numOrBlank(sup.ratingAverage === null ? null : Math.round(sup.ratingAverage * 100) / 100)]);
	support.addRow([
		m.board_fig_user_error({}, o),
		numOrBlank(sup.userErrorShare === null ? null : Math.round(sup.userErrorShare * 1000) / 1000)
	]);
	for (const c of sup.topCategories) support.addRow([text(c.name ?? m.board_no_category({}, o)), c.cases]);

	const per100 = [
		[m.ops_cases_per100_students({}, o), 'casesPer100Students'],
		[m.ops_lessons_per100_students({}, o), 'lessonsLostPer100Students'],
		[m.ops_cases_per100_staff({}, o), 'casesPer100Staff']
	] as const;
	const equity = sheet(m.board_sheet_equity({}, o), m.bw_source_equity({ year: s.equity?.schoolYear || '–' }, o), [
		m.board_col_unit({}, o),
		m.ops_students({}, o),
		m.ops_staff({}, o),
		m.board_fig_cases({}, o),
		m.board_fig_lost_lessons({}, o),
		...per100.map(([label]) => label)
	]);
	if (s.equity) {
		for (const u of s.equity.comparison.rows)
			equity.addRow([
				text(u.name),
				numOrBlank(u.students),
				numOrBlank(u.staff),
				u.cases,
				u.lessonsLost,
				...per100.map(([, key]) => numOrBlank(u[key]))
			]);
		for (const [label, key] of per100) equity.addRow([label, text(spreadInWords(s.equity.comparison.spread[key], o))]);
		for (const u of s.equity.comparison.withoutSize) equity.addRow([text(u.name), m.bw_without_size({}, o), '', u.cases]);
	}

	const surveys = sheet(m.bw_sheet_surveys({}, o), m.bw_source_surveys({ threshold: s.surveys?.threshold ?? '–' }, o), [
		m.board_col_what({}, o),
		m.bw_col_respondents({}, o),
		m.bw_col_survey_mean({}, o)
	]);
	const surveyCell = (c: { respondents: number | null; mean: number | null }) =>
		c.mean === null || c.respondents === null ? [hidden, hidden] : [c.respondents, Math.round(c.mean * 100) / 100];
	for (const p of s.surveys?.pulseMonths ?? []) surveys.addRow([m.ops_surveys_pulse_month({ month: p.period }, o), ...surveyCell(p)]);
	for (const r of s.surveys?.rounds ?? [])
		surveys.addRow([text(m.ops_surveys_round({ title: locale === 'en' ? r.titleEn : r.titleSv, date: r.closedOn }, o)), ...surveyCell(r)]);

	const comparisons = sheet(m.bw_sheet_comparisons({}, o), m.bw_source_comparisons({}, o), [
		m.bw_cmp_th_figure({}, o),
		m.bw_cmp_th_own({}, o),
		m.bw_cmp_th_external({}, o),
		m.bw_col_source({}, o),
		m.bw_col_key_figure({}, o),
		m.cmp_th_area({}, o),
		m.cmp_th_period({}, o)
	]);
	type Msg = (p: Record<string, string>, o: { locale: SummaryLocale }) => string;
	const label = (l: { message: string; params: Record<string, string> }) =>
		(m as unknown as Record<string, Msg | undefined>)[l.message]?.(l.params, o) ?? l.message;
	for (const c of s.comparisons)
		for (const v of c.values)
			comparisons.addRow([
				text(label(c.label)),
				numOrBlank(c.own),
				v.value,
				text(v.source),
				text(`${v.code} ${v.title}`),
				text(v.areaKind === 'municipality' ? m.cmp_area_municipality({ code: v.areaCode }, o) : `${v.unitName ?? ''} (${v.areaCode})`),
				v.period
			]);

	const asks = sheet(m.board_sheet_asks({}, o), m.board_source_asks({}, o), [m.board_col_ask_title({}, o), m.board_col_ask_body({}, o)]);
	for (const a of s.asks) asks.addRow([text(a.title), text(a.body)]);

	return Buffer.from(await book.xlsx.writeBuffer());
}
