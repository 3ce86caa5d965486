import { requireKnowledge } from '$lib/server/http/require-knowledge';
import { throwHttp } from '$lib/server/http/errors';
import { fileDownload } from '$lib/server/http/file-download';
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
	return fileDownload(file);
};
