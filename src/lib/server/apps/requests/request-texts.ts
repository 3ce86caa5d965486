import { m } from '$lib/paraglide/messages';
import type { SchoolForm, ToolOutcome } from '../../db/schema';

/**
 * The words a request writes into its support case, in Swedish, the organizer's working language: stored text on the
 * timeline and in mail reads the same to everyone who follows the case (as ticket-mail.ts does).
 */
const sv = { locale: 'sv' as const };

const FORMS: Record<SchoolForm, () => string> = {
	preschool: () => m.apps_form_preschool({}, sv),
	preschool_class: () => m.apps_form_preschool_class({}, sv),
	compulsory: () => m.apps_form_compulsory({}, sv),
	upper_secondary: () => m.apps_form_upper_secondary({}, sv),
	adult: () => m.apps_form_adult({}, sv)
};
const OUTCOMES: Record<ToolOutcome, () => string> = {
	approved: () => m.apps_outcome_approved({}, sv),
	approved_with_conditions: () => m.apps_outcome_approved_with_conditions({}, sv),
	refused: () => m.apps_outcome_refused({}, sv)
};

const year = (n: number) => (n === 0 ? 'F' : String(n));

/** School forms and year groups in words ("Grundskola, åk 4–9"); "–" when none are named. */
export function groupText(forms: SchoolForm[], from: number | null, to: number | null): string {
	const parts = forms.map((f) => FORMS[f]());
	if (from !== null && from === to) parts.push(m.apps_years_one({ year: year(from) }, sv));
	else if (from !== null && to !== null) parts.push(m.apps_years_range({ from: year(from), to: year(to) }, sv));
	else if (from !== null) parts.push(m.apps_years_from({ from: year(from) }, sv));
	else if (to !== null) parts.push(m.apps_years_to({ to: year(to) }, sv));
	return parts.join(', ') || '–';
}

/** The case's title: the tool asked for. */
export const requestTitle = (name: string) => m.apprequests_case_title({ name }, sv).slice(0, 200);

/** The case's description: everything the requester told, so the lines read it without opening the register. */
export function requestDescription(r: {
	name: string;
	vendor: string;
	url: string;
	purpose: string;
	group: string;
	dataDescription: string;
}): string {
	return [
		m.apprequests_case_intro({}, sv),
		`${m.apprequests_case_tool({}, sv)} ${r.name}${r.vendor ? ` (${r.vendor})` : ''}${r.url ? ` – ${r.url}` : ''}`,
		`${m.apprequests_case_purpose({}, sv)}\n${r.purpose}`,
		`${m.apprequests_case_group({}, sv)} ${r.group}`,
		`${m.apprequests_case_data({}, sv)}\n${r.dataDescription}`
	].join('\n\n');
}

/** The public reply that answers a request when the tool is decided: the outcome, for whom, and the terms. */
export function decisionReply(d: {
	toolName: string;
	outcome: ToolOutcome;
	schoolForms: SchoolForm[];
	yearFrom: number | null;
	yearTo: number | null;
	conditions: string;
	reasons: string;
}): string {
	const lines: string[] = [m.apprequests_reply_outcome({ name: d.toolName, outcome: OUTCOMES[d.outcome]().toLocaleLowerCase('sv') }, sv)];
	if (d.outcome !== 'refused') lines.push(`${m.apprequests_reply_for({}, sv)} ${groupText(d.schoolForms, d.yearFrom, d.yearTo)}`);
	if (d.conditions) lines.push(`${m.apprequests_reply_conditions({}, sv)}\n${d.conditions}`);
	if (d.reasons) lines.push(`${m.apprequests_reply_reasons({}, sv)}\n${d.reasons}`);
	lines.push(m.apprequests_reply_whitelist({}, sv));
	return lines.join('\n\n');
}
