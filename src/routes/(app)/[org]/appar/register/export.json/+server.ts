import { requireApps } from '$lib/server/http/require-apps';
import { throwHttp } from '$lib/server/http/errors';
import { findRegisterExport } from '$lib/server/apps/find-register-export';
import { registerJson } from '$lib/server/apps/register-json';
import type { RequestHandler } from './$types';

/** The register as JSON, for other systems. */
export const GET: RequestHandler = async (event) => {
	const { actor, organizer } = await requireApps(event, 'apps.register');
	const tools = await findRegisterExport(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	return new Response(registerJson(tools, organizer.name), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="verktyg-${organizer.slug}.json"`,
			'cache-control': 'no-store'
		}
	});
};
