import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction } from '$lib/server/http/errors';
import { getAccessibilityStatement } from '$lib/server/accessibility/get-accessibility-statement';
import { updateAccessibilityStatement } from '$lib/server/accessibility/update-accessibility-statement';
import { statementFormValues } from '$lib/server/accessibility/present-accessibility-statement';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { organizer } = await requireOrganizer(event, 'statement.edit');
	const row = await getAccessibilityStatement(event.locals.db, { organizerId: organizer.id });
	return {
		values: statementFormValues(row),
		saved: event.url.searchParams.has('sparad'),
		unchanged: event.url.searchParams.has('oforandrad')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'statement.edit');
		const data = await event.request.formData();
		const values = formValues(data);
		return runAction(
			async () => {
				const { changed } = await updateAccessibilityStatement(event.locals.db, { actor, organizerId: organizer.id, input: values });
				redirect(303, `/${organizer.slug}/admin/tillganglighet?${changed ? 'sparad' : 'oforandrad'}`);
			},
			{ values }
		);
	}
};
