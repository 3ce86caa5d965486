import { requireKnowledge } from '$lib/server/http/require-knowledge';
import { throwHttp } from '$lib/server/http/errors';
import { findPreventiveWork, WORKBENCH_MONTHS } from '$lib/server/knowledge/prevention/find-preventive-work';
import type { PreventiveResponse } from '$lib/server/knowledge/prevention/find-preventive-work';
import type { PageServerLoad } from './$types';

const present = (r: PreventiveResponse) => ({ ...r, at: r.at.toISOString() });

/** The preventive line's workbench: flagged cases and user-error clusters, each with what was done about it. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireKnowledge(event, 'kb.write');
	const work = await findPreventiveWork(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	return {
		months: WORKBENCH_MONTHS,
		recorded: event.url.searchParams.has('registrerad'),
		flagged: work.flagged.map((f) => ({ ...f, solvedAt: f.solvedAt?.toISOString() ?? null, responses: f.responses.map(present) })),
		clusters: work.clusters.map((c) => ({ ...c, responses: c.responses.map(present) }))
	};
};
