import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { findDeviceModels } from '$lib/server/devices/find-device-models';
import { createDeviceModel } from '$lib/server/devices/create-device-model';
import { DEVICE_TYPES } from '$lib/server/devices/device-rules';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'devices.view');
	const found = await findDeviceModels(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	return { ...found, types: DEVICE_TYPES, saved: event.url.searchParams.has('sparad') };
};

export const actions: Actions = {
	create: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'devices.models');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await createDeviceModel(event.locals.db, { actor, organizerId: organizer.id, input: values });
				redirect(303, `/${organizer.slug}/utrustning/modeller?sparad`);
			},
			{ values }
		);
	}
};
