import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { findUnits } from '$lib/server/org/find-units';
import { presentUnit } from '$lib/server/org/present-unit';
import type { PageServerLoad } from './$types';

const DONE = ['skapad', 'sparad', 'flyttad', 'arkiverad', 'aterstalld', 'raderad'] as const;

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'organizer.administer');
	const rows = await findUnits(event.locals.db, { actor, organizerId: organizer.id, includeArchived: true }).catch(throwHttp);
	const all = rows.map(presentUnit);
	const done = event.url.searchParams.get('klart');
	return {
		units: all.filter((u) => !u.archivedAt),
		archived: all.filter((u) => u.archivedAt),
		done: DONE.find((d) => d === done) ?? null
	};
};
