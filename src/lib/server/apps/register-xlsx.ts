import ExcelJS from 'exceljs';
import { m } from '$lib/paraglide/messages';
import { t } from '$lib/i18n';
import { yearsLabel, yearValue } from '$lib/apps/labels';
import type { ExportedTool } from './find-register-export';
import { columnHeading, TOOL_COLUMNS, type ToolColumn } from './tool-columns';

/** A cell a spreadsheet never reads as a formula. */
export const safeCell = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** Year groups as the import reads them back: "F–9", "4" or empty. */
const yearsCell = (from: number | null, to: number | null) => {
	if (from === null && to === null) return '';
	const a = yearValue(from ?? 0);
	const b = yearValue(to ?? 9);
	return a === b ? a : `${a}–${b}`;
};

/** The register columns of one entry, written as the import reads them back (labels in the reader's language). */
export function registerCells(tool: ExportedTool): Record<ToolColumn, string | number> {
	return {
		name: tool.name,
		vendor: tool.vendor,
		kind: t(`apps_kind_${tool.kind}`),
		url: tool.url,
		description: tool.description,
		schoolForms: tool.schoolForms.map((f) => t(`apps_form_${f}`)).join(', '),
		years: yearsCell(tool.yearFrom, tool.yearTo),
		signIn: t(`apps_sign_in_${tool.signIn}`),
		personalData: tool.personalData ? m.apps_export_yes() : m.apps_export_no(),
		dataDescription: tool.dataDescription,
		storage: tool.storage,
		accessibilityUrl: tool.accessibilityUrl,
		interoperability: tool.interoperability,
		yearlyCost: tool.yearlyCost ?? ''
	};
}

/** A decision in a few words: "Godkänt med villkor, 2026-11-02: Grundskola, åk 4–9". */
export function decisionText(d: ExportedTool['decision']): string {
	if (!d) return m.apps_undecided();
	const scope = [d.schoolForms.map((f) => t(`apps_form_${f}`)).join(', '), yearsLabel(d.yearFrom, d.yearTo)].filter(Boolean).join(', ');
	return `${t(`apps_outcome_${d.outcome}`)}, ${d.decidedAt.slice(0, 10)}${scope ? `: ${scope}` : ''}`;
}

/**
 * The register as a workbook. The first sheet has exactly the import's columns, so it can be edited and read back;
 * the second tells each entry's standing, agreement and owner, which the import does not take.
 */
export async function registerXlsx(tools: ExportedTool[]): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet(m.apps_export_sheet_register());
	sheet.addRow(TOOL_COLUMNS.map((c) => columnHeading(c.header))).font = { bold: true };
	for (const tool of tools) {
		const cells = registerCells(tool);
		sheet.addRow(TOOL_COLUMNS.map((c) => (typeof cells[c.key] === 'string' ? safeCell(cells[c.key] as string) : cells[c.key])));
	}
	sheet.columns.forEach((c) => (c.width = 24));
	sheet.views = [{ state: 'frozen', ySplit: 1 }];

	const standing = workbook.addWorksheet(m.apps_export_sheet_standing());
	standing.addRow([
		m.apps_col_tool(),
		m.apps_col_standing(),
		m.apps_field_conditions(),
		m.apps_field_reasons(),
		m.apps_col_agreement(),
		m.apps_field_valid_to(),
		m.apps_field_owner()
	]).font = { bold: true };
	for (const tool of tools)
		standing.addRow([
			safeCell(tool.name),
			decisionText(tool.decision),
			safeCell(tool.decision?.conditions ?? ''),
			safeCell(tool.decision?.reasons ?? ''),
			t(`apps_agreement_${tool.agreementState}`),
			tool.currentAgreement?.validTo ?? '',
			safeCell(tool.owner ?? '')
		]);
	standing.columns.forEach((c) => (c.width = 28));
	standing.views = [{ state: 'frozen', ySplit: 1 }];
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
