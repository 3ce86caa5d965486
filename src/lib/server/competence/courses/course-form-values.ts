/** The tag fields a course form sends as several boxes of one name. */
const LISTS = ['areas', 'aspects', 'subGoals', 'categoryIds', 'toolIds'] as const;

/** A course form's values: single fields as they are, the ticked boxes of each tag joined with commas. */
export function courseFormValues(data: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of data) if (typeof v === 'string' && !(LISTS as readonly string[]).includes(k)) out[k] = v;
	for (const k of LISTS)
		out[k] = data
			.getAll(k)
			.filter((v): v is string => typeof v === 'string')
			.join(',');
	return out;
}
