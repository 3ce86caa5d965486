import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { loadDeviceForm } from '$lib/server/devices/load-device-form';
import { registerDevice } from '$lib/server/devices/register-device';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'devices.manage');
	return loadDeviceForm(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
};

export const actions: Actions = {
	create: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'devices.manage');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				const device = await registerDevice(event.locals.db, { actor, organizerId: organizer.id, input: values });
				redirect(303, `/${organizer.slug}/utrustning/${device.id}?sparad`);
			},
			{ values }
		);
	}
};
