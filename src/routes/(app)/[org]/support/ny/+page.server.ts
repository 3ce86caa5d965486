import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { failFromError, formValues, runAction } from '$lib/server/http/errors';
import { AppError, isAppError } from '$lib/server/errors';
import { CHAINS, URGENCIES } from '$lib/server/support/constants';
import { fileTicket, type FileTicketInput } from '$lib/server/support/tickets/file-ticket';
import { loadFilingOptions } from '$lib/server/support/tickets/load-filing-options';
import { MAX_ATTACHMENTS } from '$lib/server/support/tickets/check-attachment';
import { readUploadedFiles } from '$lib/server/support/tickets/read-uploaded-files';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event);
	const options = await loadFilingOptions(event.locals.db, { actor, organizerId: organizer.id });
	return { ...options, chains: CHAINS, urgencies: URGENCIES };
};

export const actions: Actions = {
	file: async (event) => {
		const { actor, organizer } = await requireOrganizer(event);
		const data = await event.request.formData();
		const values = formValues(data);
		const attachments = await readUploadedFiles(data, 'attachments', MAX_ATTACHMENTS);
		return runAction(
			async () => {
				const input = values as unknown as FileTicketInput;
				const { number } = await fileTicket(event.locals.db, { actor, organizerId: organizer.id, input, attachments });
				redirect(303, `/${organizer.slug}/support/${number}?anmalt`);
			},
			{
				values,
				// A unit or student the person may not file for is a wrong choice in a list, not a forbidden page.
				recover: (e) => {
					if (!isAppError(e) || e.code !== 'FORBIDDEN') return undefined;
					const field = values.onBehalfOfId ? 'onBehalfOfId' : 'unitId';
					const message = field === 'unitId' ? 'support_error_choose_unit' : 'support_error_choose_person';
					return failFromError(new AppError('INVALID', e.message, [{ field, message }]), values);
				}
			}
		);
	}
};
