import { requireApps } from '$lib/server/http/require-apps';
import { throwHttp } from '$lib/server/http/errors';
import { findRegisterExport } from '$lib/server/apps/find-register-export';
import { recordsXlsx } from '$lib/server/apps/records-xlsx';
import type { RequestHandler } from './$types';

/** The records of processing for the data protection officer: the tools that handle personal data. */
export const GET: RequestHandler = async (event) => {
	const { actor, organizer } = await requireApps(event, 'apps.register');
	const tools = await findRegisterExport(event.locals.db, { actor, organizerId: organizer.id, personalDataOnly: true }).catch(throwHttp);
	return new Response(new Uint8Array(await recordsXlsx(tools, organizer.name)), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="behandlingar-${organizer.slug}.xlsx"`,
			'cache-control': 'no-store'
		}
	});
};
