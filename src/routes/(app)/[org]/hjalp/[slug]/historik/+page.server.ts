import { requireKnowledge } from '$lib/server/http/require-knowledge';
import { throwHttp } from '$lib/server/http/errors';
import { listArticleVersions } from '$lib/server/knowledge/articles/list-article-versions';
import { getArticleVersion } from '$lib/server/knowledge/articles/get-article-version';
import { renderMarkdown } from '$lib/server/knowledge/render-markdown';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireKnowledge(event, 'kb.write');
	const db = event.locals.db;
	const opts = { actor, organizerId: organizer.id, slug: event.params.slug };
	const { article, versions } = await listArticleVersions(db, opts).catch(throwHttp);
	const asked = event.url.searchParams.get('version');
	const shown = asked === null ? null : (await getArticleVersion(db, { ...opts, version: asked }).catch(throwHttp)).version;
	return {
		article,
		versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
		shown: shown && {
			version: shown.version,
			title: shown.title,
			html: renderMarkdown(shown.body, { firstHeading: 3 }),
			createdAt: shown.createdAt.toISOString(),
			changedBy: shown.changedBy
		}
	};
};
