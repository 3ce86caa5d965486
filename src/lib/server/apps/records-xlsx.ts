import ExcelJS from 'exceljs';
import { m } from '$lib/paraglide/messages';
import { t } from '$lib/i18n';
import type { ExportedTool } from './find-register-export';
import { decisionText, safeCell } from './register-xlsx';

/** The headings of the records of processing, in the reader's language and our own words. */
export const recordsHeadings = () => [
	m.apps_records_col_tool(),
	m.apps_records_col_vendor(),
	m.apps_records_col_purpose(),
	m.apps_records_col_data(),
	m.apps_records_col_storage(),
	m.apps_records_col_sub_processors(),
	m.apps_records_col_agreement(),
	m.apps_records_col_owner(),
	m.apps_records_col_decision()
];

/** One tool that handles personal data as a row of the records of processing. */
export function recordsRow(tool: ExportedTool): string[] {
	const a = tool.currentAgreement;
	const validity = a
		? `${t(`apps_agreement_${tool.agreementState}`)}: ${a.validFrom} – ${a.validTo ?? m.apps_until_further_notice()}`
		: t(`apps_agreement_${tool.agreementState}`);
	return [
		tool.name,
		[tool.vendor, a?.counterparty].filter(Boolean).join(' / '),
		tool.description,
		tool.dataDescription,
		tool.storage,
		a?.subProcessors ?? '',
		validity,
		tool.owner ?? '',
		[decisionText(tool.decision), tool.decision?.conditions].filter(Boolean).join('. ')
	].map(safeCell);
}

/**
 * The records of processing for the data protection officer: one row per tool that handles personal data — what it
 * is for, whose data and which, where it is stored and processed, the sub-processors and countries of the agreement
 * in force, the agreement's validity, the system owner and the latest decision.
 */
export async function recordsXlsx(tools: ExportedTool[], organizerName: string): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet(m.apps_records_sheet());
	sheet.addRow([m.apps_records_title({ organizer: organizerName })]).font = { bold: true, size: 14 };
	sheet.addRow([]);
	sheet.addRow(recordsHeadings()).font = { bold: true };
	for (const tool of tools.filter((x) => x.personalData)) sheet.addRow(recordsRow(tool));
	sheet.columns.forEach((c, i) => (c.width = i === 0 ? 24 : 36));
	sheet.views = [{ state: 'frozen', ySplit: 3 }];
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
