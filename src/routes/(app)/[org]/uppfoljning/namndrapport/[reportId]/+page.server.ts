import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { getLocale } from '$lib/paraglide/runtime';
import { getBoardReport } from '$lib/server/followup/board-report/find-board-reports';
import { summarize } from '$lib/server/followup/board-report/summarize';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'followup.report_read');
	const report = await getBoardReport(event.locals.db, { actor, organizerId: organizer.id, reportId: event.params.reportId }).catch(
		throwHttp
	);
	const locale = getLocale() === 'en' ? 'en' : 'sv';
	return {
		report: { ...report, generatedAt: report.generatedAt.toISOString() },
		summary: summarize(report.snapshot, locale),
		locale
	};
};
