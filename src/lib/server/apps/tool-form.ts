/**
 * A tool, agreement or decision form as the domain takes it: the plain fields as strings and the ticked school forms
 * as a list (`formsField` names the checkboxes when a page has two such groups). `values` is what goes back to the form when something is wrong, so nothing typed is lost.
 */
export function toolFormInput(
	data: FormData,
	formsField = 'schoolForms'
): { input: Record<string, unknown>; values: Record<string, unknown> } {
	const input: Record<string, unknown> = {};
	for (const [k, v] of data) if (typeof v === 'string' && k !== formsField) input[k] = v;
	input.schoolForms = data.getAll(formsField).map(String);
	const values = { ...input, [formsField]: input.schoolForms };
	// The entry's own year groups are named apart from a decision's (both forms are on the tool's page).
	for (const [field, key] of Object.entries(ENTRY_YEAR_FIELDS)) if (field in input) input[key] = input[field];
	return { input, values };
}

/** The register entry's year-group fields on the form, and the domain's names for them. */
export const ENTRY_YEAR_FIELDS: Record<string, string> = { usedFrom: 'yearFrom', usedTo: 'yearTo' };

/** A problem the domain names by `yearFrom`/`yearTo`, shown beside the entry form's own year fields. */
export const entryFieldName = (f: string) => Object.entries(ENTRY_YEAR_FIELDS).find(([, key]) => key === f)?.[0] ?? f;
