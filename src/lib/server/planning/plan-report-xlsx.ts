import ExcelJS from 'exceljs';
import type { PlanReport, PlanReportAction } from './build-plan-report';

/** Column headings and labels in the reader's language (the route passes its messages in). */
export type PlanReportLabels = {
	actionsSheet: string;
	indicatorsSheet: string;
	actionColumns: [
		goal: string,
		action: string,
		plan: string,
		responsible: string,
		starts: string,
		due: string,
		status: string,
		overdue: string
	];
	indicatorColumns: [chain: string, unit: string, indicator: string, baseline: string, latest: string, target: string, moved: string];
	organizerPlan: string;
	noGoal: string;
	hidden: string;
	yes: string;
	status: (status: string) => string;
	movement: (movement: string) => string;
};

/** A cell a spreadsheet never reads as a formula. */
const text = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** The plan report as a workbook: one sheet of actions by strategic goal, one of the effect chains' indicators. */
export async function planReportXlsx(report: PlanReport, l: PlanReportLabels): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	const actions = workbook.addWorksheet(l.actionsSheet);
	actions.addRow(l.actionColumns).font = { bold: true };
	const row = (goal: string, a: PlanReportAction) =>
		actions.addRow([
			text(goal),
			text(a.title),
			text(a.plan ?? l.organizerPlan),
			text(a.responsible),
			a.startsOn ?? '',
			a.dueOn ?? '',
			l.status(a.status),
			a.overdue ? l.yes : ''
		]);
	for (const g of report.goals) for (const a of g.actions) row(g.title, a);
	for (const a of report.withoutGoal) row(l.noGoal, a);
	const indicators = workbook.addWorksheet(l.indicatorsSheet);
	indicators.addRow(l.indicatorColumns).font = { bold: true };
	for (const i of report.indicators)
		indicators.addRow([
			text(i.chain),
			text(i.unit ?? l.organizerPlan),
			text(i.name),
			i.baseline ?? '',
			i.hidden ? l.hidden : (i.latest ?? ''),
			i.target ?? '',
			l.movement(i.movement)
		]);
	for (const sheet of [actions, indicators]) sheet.columns.forEach((c) => (c.width = 24));
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
