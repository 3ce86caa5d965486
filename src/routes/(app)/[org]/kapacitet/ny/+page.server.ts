import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { todayInStockholm } from '$lib/server/auth/load-actor';
import { CHAINS } from '$lib/server/support/constants';
import { loadCapacityForm } from '$lib/server/capacity/load-capacity-form';
import { createCapacityAssignment } from '$lib/server/capacity/create-capacity-assignment';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'capacity.manage');
	const options = await loadCapacityForm(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	return { ...options, chains: CHAINS, today: todayInStockholm() };
};

export const actions: Actions = {
	create: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'capacity.manage');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await createCapacityAssignment(event.locals.db, { actor, organizerId: organizer.id, input: values });
				redirect(303, `/${organizer.slug}/kapacitet?sparad`);
			},
			{ values }
		);
	}
};
