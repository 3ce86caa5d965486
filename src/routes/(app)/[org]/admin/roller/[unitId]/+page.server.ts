import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { findRoleAssignmentsAtUnit } from '$lib/server/people/find-role-assignments';
import { presentAssignmentAtUnit } from '$lib/server/people/present-person';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'person.manage');
	try {
		const { unit, assignments } = await findRoleAssignmentsAtUnit(event.locals.db, {
			actor,
			organizerId: organizer.id,
			unitId: event.params.unitId
		});
		return { unit, assignments: assignments.map(presentAssignmentAtUnit) };
	} catch (e) {
		throwHttp(e);
	}
};
