import { throwHttp } from '$lib/server/http/errors';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { prepareReportExport } from '$lib/server/assessment/reports/export-rows';
import { xlsxBuffer } from '$lib/server/assessment/reports/export-formats';
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
		const body = await xlsxBuffer(rows(), labels);
		return new Response(new Uint8Array(body), {
			headers: {
				'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				'content-disposition': `attachment; filename="skattning-${event.params.roundId}.xlsx"`,
				'cache-control': 'no-store'
			}
		});
	} catch (e) {
		throwHttp(e);
	}
};
