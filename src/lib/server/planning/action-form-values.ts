import type { ActionInput } from './action-input';

/** The action form's fields sent as lists (several boxes or options with the same name). */
export const LIST_FIELDS = ['participantIds', 'links'] as const;

/** The action form as domain input: single values as strings, participants and links as lists. */
export function actionFormInput(data: FormData | URLSearchParams) {
	const values: Record<string, string> = {};
	for (const [k, v] of data) if (typeof v === 'string' && !(LIST_FIELDS as readonly string[]).includes(k)) values[k] = v;
	const lists = { participantIds: data.getAll('participantIds').map(String), links: data.getAll('links').map(String) };
	// The domain checks every field; a missing one gets its message there.
	return { values, lists, input: { ...values, ...lists } as ActionInput };
}
