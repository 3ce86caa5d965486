import type { StatementRow } from './get-accessibility-statement';
import { COMPLIANCE_STATUSES } from './update-accessibility-statement';

export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

/** What a statement page shows: the texts and dates, never ids or timestamps. Empty texts fall back to default wording on the page. */
export function presentAccessibilityStatement(row: StatementRow) {
	const status = (COMPLIANCE_STATUSES as readonly string[]).includes(row.complianceStatus)
		? (row.complianceStatus as ComplianceStatus)
		: 'partial';
	return {
		complianceStatus: status,
		nonCompliantContent: row.nonCompliantContent,
		disproportionateBurden: row.disproportionateBurden,
		feedbackContact: row.feedbackContact,
		testMethod: row.testMethod,
		preparedOn: row.preparedOn,
		reviewedOn: row.reviewedOn
	};
}

/** The statement as form values (strings) for the edit page. */
export function statementFormValues(row: StatementRow): Record<string, string> {
	const p = presentAccessibilityStatement(row);
	return { ...p, preparedOn: p.preparedOn ?? '', reviewedOn: p.reviewedOn ?? '' };
}
