import { throwHttp } from '$lib/server/http/errors';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { prepareReportExport } from '$lib/server/assessment/reports/export-rows';
import { csvStream } from '$lib/server/assessment/reports/export-formats';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const areaId = event.url.searchParams.get('omrade');
	const { actor, organizer } = await requireOrganizer(event, areaId ? 'organizer.member' : 'assessment.organizer_report');
	try {
		const { rows, labels } = await prepareReportExport(event.locals.db, {
			actor,
			organizerId: organizer.id,
			roundId: event.params.roundId,
			areaId,
			locale: getLocale()
		});
		return new Response(csvStream(rows(), labels), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="skattning-${event.params.roundId}.csv"`,
				'cache-control': 'no-store'
			}
		});
	} catch (e) {
		throwHttp(e);
	}
};
