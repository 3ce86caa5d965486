import { throwHttp } from '$lib/server/http/errors';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { computeSubGoalReport } from '$lib/server/assessment/reports/compute-sub-goal-report';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'assessment.organizer_report');
	try {
		const report = await computeSubGoalReport(event.locals.db, {
			actor,
			organizerId: organizer.id,
			roundId: event.params.roundId,
			subGoalId: event.params.subGoalId
		});
		return { report };
	} catch (e) {
		throwHttp(e);
	}
};
