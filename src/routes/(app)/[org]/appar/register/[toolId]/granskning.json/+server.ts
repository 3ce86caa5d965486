import { requireApps } from '$lib/server/http/require-apps';
import { throwHttp } from '$lib/server/http/errors';
import { buildReviewPackage } from '$lib/server/apps/build-review-package';
import type { RequestHandler } from './$types';

/**
 * A tool's review package, signed with the installation's key, for another organizer to start from (decision 046);
 * with ?avtalsfil=1 the agreement file in force travels inside it, covered by the signature (decision 065).
 */
export const GET: RequestHandler = async (event) => {
	const { actor, organizer } = await requireApps(event, 'apps.manage');
	const pkg = await buildReviewPackage(event.locals.db, {
		actor,
		organizerId: organizer.id,
		toolId: event.params.toolId,
		installation: event.url.origin,
		// The agreement file travels only when the exporter ticks it (decision 065).
		includeFile: event.url.searchParams.get('avtalsfil') === '1'
	}).catch(throwHttp);
	return new Response(pkg.json, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${pkg.fileName}"`,
			'cache-control': 'no-store'
		}
	});
};
