import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { getLocale } from '$lib/paraglide/runtime';
import { getBoardReport } from '$lib/server/followup/board-report/find-board-reports';
import { boardReportXlsx } from '$lib/server/followup/board-report/board-report-xlsx';
import type { RequestHandler } from './$types';

/** Every figure of one generated board report as a spreadsheet, one sheet per section (the same snapshot as the page). */
export const GET: RequestHandler = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'followup.report_read');
	const report = await getBoardReport(event.locals.db, { actor, organizerId: organizer.id, reportId: event.params.reportId }).catch(
		throwHttp
	);
	const body = await boardReportXlsx(report, getLocale() === 'en' ? 'en' : 'sv');
	const name = `namndrapport-${organizer.slug}-${report.periodFrom}-${report.periodTo}.xlsx`;
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'no-store'
		}
	});
};
