import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { can } from '$lib/server/policies';
import { findUnsignedReceipts } from '$lib/server/devices/find-unsigned-receipts';
import { getDeviceSettings } from '$lib/server/devices/get-device-settings';
import { setReceiptSettings } from '$lib/server/devices/set-receipt-settings';
import type { Actions, PageServerLoad } from './$types';

/**
 * Receipts not signed yet at the units the person manages with their reminders, and (for organizer-wide managers)
 * whether receipts are required and after how many days an unsigned one is reminded.
 */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'devices.manage');
	const unsigned = await findUnsignedReceipts(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	return {
		unsigned,
		settings: await getDeviceSettings(event.locals.db, organizer.id),
		canConfigure: can(actor, 'devices.models', { type: 'organizer', organizerId: organizer.id }),
		saved: event.url.searchParams.has('sparad')
	};
};

export const actions: Actions = {
	settings: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'devices.manage');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await setReceiptSettings(event.locals.db, { actor, organizerId: organizer.id, input: values });
				redirect(303, `/${organizer.slug}/utrustning/kvitton?sparad`);
			},
			{ values }
		);
	}
};
