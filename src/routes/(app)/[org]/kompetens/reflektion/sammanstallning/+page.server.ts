import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { aggregateReflections } from '$lib/server/competence/aggregate-reflections';
import { aggregateReflectionsByUnit } from '$lib/server/competence/aggregate-reflections-by-unit';
import { REFLECTION } from '$lib/server/competence/competence-rules';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'competence.aggregate');
	const aggregate = await aggregateReflections(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	const byUnit = await aggregateReflectionsByUnit(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	const names = new Map(REFLECTION.areas.map((a) => [a.key, a.name]));
	return {
		...aggregate,
		areas: aggregate.areas.map((a) => ({ ...a, name: names.get(a.key)! })),
		areaHeads: REFLECTION.areas.map((a) => ({ key: a.key, name: a.name })),
		units: byUnit.units
	};
};
