import { throwHttp } from '$lib/server/http/errors';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { computeOrganizerReport } from '$lib/server/assessment/reports/compute-organizer-report';
import { computeProgression } from '$lib/server/assessment/reports/compute-progression';
import { MIN_CHANGE } from '$lib/server/assessment/reports/stats';
import { findPlannableScopes } from '$lib/server/planning/plan-scopes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'assessment.organizer_report');
	const db = event.locals.db;
	const basis: 'answers' | 'consensus' = event.url.searchParams.get('basis') === 'consensus' ? 'consensus' : 'answers';
	try {
		const report = await computeOrganizerReport(db, { actor, organizerId: organizer.id, roundId: event.params.roundId });
		const compareWith = event.url.searchParams.get('jamfor') ?? undefined;
		const progression = await computeProgression(db, { actor, organizerId: organizer.id, report, compareWith });
		// Where a weak result may become an action ("Gör till aktivitet"): the scopes whose plan the reader may write.
		const plannable = await findPlannableScopes(db, actor, organizer.id);
		return { report, progression, basis, minChange: MIN_CHANGE, plannable };
	} catch (e) {
		throwHttp(e);
	}
};
