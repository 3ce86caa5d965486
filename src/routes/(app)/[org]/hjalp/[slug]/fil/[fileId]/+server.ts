import { requireKnowledge } from '$lib/server/http/require-knowledge';
import { throwHttp } from '$lib/server/http/errors';
import { getArticleFile } from '$lib/server/knowledge/articles/get-article-file';
import type { RequestHandler } from './$types';

/** Downloads a file of an article the person reads; always as a download, never rendered inline. */
export const GET: RequestHandler = async (event) => {
	const { actor, organizer } = await requireKnowledge(event, 'kb.read');
	const file = await getArticleFile(event.locals.db, {
		actor,
		organizerId: organizer.id,
		slug: event.params.slug,
		fileId: event.params.fileId
	}).catch(throwHttp);
	const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(new Uint8Array(file.content), {
		headers: {
			'Content-Type': file.contentType,
			'Content-Length': String(file.content.length),
			'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'private, no-store'
		}
	});
};
