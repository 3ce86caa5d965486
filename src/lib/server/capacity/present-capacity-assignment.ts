import { hoursText } from './capacity-rules';
import type { getCapacityAssignment } from './get-capacity-assignment';

/** The fields the allotment page shows, and the edit form's starting values (hours as the form takes them). */
export function presentCapacityAssignment(found: Awaited<ReturnType<typeof getCapacityAssignment>>) {
	const { row } = found;
	return {
		id: row.id,
		personName: found.personName,
		unitName: found.unitName,
		chain: row.chain,
		minutesPerWeek: row.minutesPerWeek,
		validFrom: row.validFrom,
		validTo: row.validTo,
		note: row.note,
		canManage: found.canManage,
		values: { hours: hoursText(row.minutesPerWeek), validFrom: row.validFrom, validTo: row.validTo ?? '', note: row.note }
	};
}
