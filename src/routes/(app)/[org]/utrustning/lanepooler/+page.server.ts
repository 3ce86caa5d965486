import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { findDevicePools } from '$lib/server/devices/find-device-pools';
import { createDevicePool } from '$lib/server/devices/create-device-pool';
import type { Actions, PageServerLoad } from './$types';

/** The loaner pools the person may book from, and the new pool form for those who manage pools. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'devices.book');
	return await findDevicePools(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
};

export const actions: Actions = {
	create: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'devices.pools');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				const pool = await createDevicePool(event.locals.db, { actor, organizerId: organizer.id, input: values });
				redirect(303, `/${organizer.slug}/utrustning/lanepooler/${pool.id}?ny`);
			},
			{ values }
		);
	}
};
