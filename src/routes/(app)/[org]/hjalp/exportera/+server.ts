import { requireKbManage } from '$lib/server/knowledge/require-kb-manage';
import { exportArticles } from '$lib/server/knowledge/export/export-articles';
import type { RequestHandler } from './$types';

/** The organizer's articles (not archived) as a .zip of Markdown files in the import format. */
export const GET: RequestHandler = async (event) => {
	const { actor, organizer } = await requireKbManage(event);
	const { zip } = await exportArticles(event.locals.db, { actor, organizerId: organizer.id });
	const day = new Date().toISOString().slice(0, 10);
	return new Response(new Uint8Array(zip), {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="kunskapsbank-${organizer.slug}-${day}.zip"`,
			'cache-control': 'no-store'
		}
	});
};
