import { error, redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { todayInStockholm } from '$lib/server/auth/load-actor';
import { getCapacityAssignment } from '$lib/server/capacity/get-capacity-assignment';
import { presentCapacityAssignment } from '$lib/server/capacity/present-capacity-assignment';
import { updateCapacityAssignment } from '$lib/server/capacity/update-capacity-assignment';
import { endCapacityAssignment } from '$lib/server/capacity/end-capacity-assignment';
import type { Actions, PageServerLoad } from './$types';

/** One allotment: the key person reads it, those who manage it change or end it. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'capacity.view');
	const found = await getCapacityAssignment(event.locals.db, {
		actor,
		organizerId: organizer.id,
		assignmentId: event.params.assignmentId
	}).catch(throwHttp);
	return { assignment: presentCapacityAssignment(found), today: todayInStockholm() };
};

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'capacity.view');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await updateCapacityAssignment(event.locals.db, {
					actor,
					organizerId: organizer.id,
					assignmentId: event.params.assignmentId,
					input: values
				});
				redirect(303, `/${organizer.slug}/kapacitet?sparad`);
			},
			{ values }
		);
	},
	end: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'capacity.view');
		if (!event.params.assignmentId) error(404);
		return runAction(
			async () => {
				await endCapacityAssignment(event.locals.db, { actor, organizerId: organizer.id, assignmentId: event.params.assignmentId });
				redirect(303, `/${organizer.slug}/kapacitet?avslutad`);
			},
			{ field: 'end' }
		);
	}
};
