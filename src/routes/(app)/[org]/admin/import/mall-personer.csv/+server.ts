import { buildTemplate, templateFileName } from '$lib/server/imports/build-template';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import type { RequestHandler } from './$types';

/** The people template: UTF-8 with BOM, semicolon-separated, as Swedish Excel opens it. */
export const GET: RequestHandler = async (event) => {
	await requireOrganizer(event, 'import.run');
	return new Response(buildTemplate('people'), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${templateFileName('people')}"`
		}
	});
};
