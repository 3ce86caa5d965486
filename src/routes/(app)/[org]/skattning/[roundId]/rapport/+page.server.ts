import { throwHttp } from '$lib/server/http/errors';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { computeOrganizerReport } from '$lib/server/assessment/reports/compute-organizer-report';
import { computeAreaReport } from '$lib/server/assessment/reports/area/compute-area-report';
import { computeProgression } from '$lib/server/assessment/reports/compute-progression';
import { MIN_CHANGE } from '$lib/server/assessment/reports/stats';
import { findPlannableScopes } from '$lib/server/planning/plan-scopes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	// ?omrade=<unit>: a principal's roll-up of their area (issue 14 item 6); its own rule is checked in computeAreaReport.
	const areaId = event.url.searchParams.get('omrade');
	const { actor, organizer } = await requireOrganizer(event, areaId ? 'organizer.member' : 'assessment.organizer_report');
	const db = event.locals.db;
	const basis: 'answers' | 'consensus' = event.url.searchParams.get('basis') === 'consensus' ? 'consensus' : 'answers';
	try {
		const scope = { actor, organizerId: organizer.id, roundId: event.params.roundId };
		const areaReport = areaId ? await computeAreaReport(db, { ...scope, areaId }) : null;
		const report = areaReport ?? (await computeOrganizerReport(db, scope));
		const area: { id: string; name: string } | null = areaReport?.area ?? null;
		const compareWith = event.url.searchParams.get('jamfor') ?? undefined;
		// The comparison with earlier rounds is organizer-wide: it stays on the organizer's report.
		const progression = area ? null : await computeProgression(db, { actor, organizerId: organizer.id, report, compareWith });
		// Where a weak result may become an action ("Gör till aktivitet"): the scopes whose plan the reader may write.
		const plannable = await findPlannableScopes(db, actor, organizer.id);
		return { report, reportArea: area, progression, basis, minChange: MIN_CHANGE, plannable };
	} catch (e) {
		throwHttp(e);
	}
};
