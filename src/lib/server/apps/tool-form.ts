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
	return { input, values: { ...input, [formsField]: input.schoolForms } };
}
