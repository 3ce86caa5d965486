import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { findCapacity } from '$lib/server/capacity/find-capacity';
import {
	ANSWER_ESTIMATE_MINUTES,
	CAPACITY_WEEKS,
	CASE_ESTIMATE_MINUTES,
	OVERLOADED_SHARE,
	UNUSED_SHARE
} from '$lib/server/capacity/capacity-rules';
import type { PageServerLoad } from './$types';

/** Key people's allotted time against the time their work took (decision 043). */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'capacity.view');
	const capacity = await findCapacity(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	return {
		...capacity,
		rules: {
			weeks: CAPACITY_WEEKS,
			caseMinutes: CASE_ESTIMATE_MINUTES,
			answerMinutes: ANSWER_ESTIMATE_MINUTES,
			over: Math.round(OVERLOADED_SHARE * 100),
			under: Math.round(UNUSED_SHARE * 100)
		},
		done: event.url.searchParams.has('sparad') ? ('saved' as const) : event.url.searchParams.has('avslutad') ? ('ended' as const) : null
	};
};
