import { fail } from '@sveltejs/kit';

/** The box a removal form asks to have ticked (the ConfirmRemoval component's checkbox). */
export const CONFIRM_FIELD = 'confirmRemove';

/**
 * A removal asks first, also without JavaScript: its form holds a box to tick ("Ja, ta bort …") beside the
 * button. The failure that shows the question's message beside the box when it was not ticked, or null when
 * the removal may go on. `values`: what to echo back, e.g. which of the page's forms it was.
 */
export function unconfirmedRemoval(data: FormData, values: Record<string, string> = {}) {
	if (data.get(CONFIRM_FIELD) === 'on') return null;
	return fail(400, { values, issues: [{ field: CONFIRM_FIELD, message: 'planning_error_confirm_remove' }] });
}
