import { redirect } from '@sveltejs/kit';
import { requireApps } from '$lib/server/http/require-apps';
import { failFromError, runAction } from '$lib/server/http/errors';
import { AppError, isAppError } from '$lib/server/errors';
import { fileAppRequest } from '$lib/server/apps/requests/file-app-request';
import { toolFormInput } from '$lib/server/apps/tool-form';
import { loadFilingOptions } from '$lib/server/support/tickets/load-filing-options';
import { CHAINS } from '$lib/server/support/constants';
import { SCHOOL_FORMS } from '$lib/server/db/schema/apps';
import type { Actions, PageServerLoad } from './$types';

/** "Begär ett nytt digitalt verktyg": the form, with the units this person may file a case for. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireApps(event, 'apps.request');
	const options = await loadFilingOptions(event.locals.db, { actor, organizerId: organizer.id });
	return {
		units: options.units,
		defaultUnitId: options.defaultUnitId,
		chains: CHAINS,
		schoolForms: SCHOOL_FORMS,
		name: (event.url.searchParams.get('namn') ?? '').slice(0, 200)
	};
};

export const actions: Actions = {
	/** Files the request as a support case and opens the case, as filing any case does. */
	file: async (event) => {
		const { actor, organizer } = await requireApps(event, 'apps.request');
		const { input, values } = toolFormInput(await event.request.formData());
		return runAction(
			async () => {
				const { ticket } = await fileAppRequest(event.locals.db, { actor, organizerId: organizer.id, input });
				redirect(303, `/${organizer.slug}/support/${ticket.number}?anmalt`);
			},
			{
				values,
				// A unit the person may not file for is a wrong choice in the list, not a forbidden page.
				recover: (e) =>
					isAppError(e) && e.code === 'FORBIDDEN' && e.message.includes('support.file')
						? failFromError(new AppError('INVALID', e.message, [{ field: 'unitId', message: 'support_error_choose_unit' }]), values)
						: undefined
			}
		);
	}
};
