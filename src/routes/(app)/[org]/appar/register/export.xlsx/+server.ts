import { requireApps } from '$lib/server/http/require-apps';
import { throwHttp } from '$lib/server/http/errors';
import { findRegisterExport } from '$lib/server/apps/find-register-export';
import { registerXlsx } from '$lib/server/apps/register-xlsx';
import type { RequestHandler } from './$types';

/** The register as a workbook whose first sheet the import reads back. */
export const GET: RequestHandler = async (event) => {
	const { actor, organizer } = await requireApps(event, 'apps.register');
	const tools = await findRegisterExport(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	return new Response(new Uint8Array(await registerXlsx(tools)), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="verktyg-${organizer.slug}.xlsx"`,
			'cache-control': 'no-store'
		}
	});
};
