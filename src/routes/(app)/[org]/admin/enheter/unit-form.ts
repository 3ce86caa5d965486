import { fail } from '@sveltejs/kit';
import { unitInputSchema, unitIssues } from '$lib/server/org/unit-input';

/** What the unit forms post, kept as typed so a failed form can show it again. */
export type UnitFormValues = { name: string; kind: string; parentId: string; schoolUnitCode: string; schoolTypes: string[] };

const text = (data: FormData, key: string) => {
	const v = data.get(key);
	return typeof v === 'string' ? v : '';
};

/** Reads the unit fields from a posted form. */
export function readUnitForm(data: FormData): UnitFormValues {
	return {
		name: text(data, 'name'),
		kind: text(data, 'kind'),
		parentId: text(data, 'parentId'),
		schoolUnitCode: text(data, 'schoolUnitCode'),
		schoolTypes: data.getAll('schoolTypes').filter((v): v is string => typeof v === 'string')
	};
}

/** Parses the form; on bad input, a 400 failure that names the action and keeps the values. */
export function parseUnitForm(values: UnitFormValues, action: string) {
	const parsed = unitInputSchema.safeParse(values);
	if (!parsed.success) return { failure: fail(400, { action, values, issues: unitIssues(parsed.error.issues) }) } as const;
	return { input: parsed.data } as const;
}
