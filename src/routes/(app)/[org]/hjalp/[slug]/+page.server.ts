import { redirect } from '@sveltejs/kit';
import { requireKnowledge } from '$lib/server/http/require-knowledge';
import { runAction, throwHttp } from '$lib/server/http/errors';
import { invalid } from '$lib/server/errors';
import { getArticle } from '$lib/server/knowledge/articles/get-article';
import { presentArticle } from '$lib/server/knowledge/articles/present-article';
import { voteOnArticle } from '$lib/server/knowledge/articles/vote-on-article';
import { listArticleFiles } from '$lib/server/knowledge/articles/article-files';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireKnowledge(event, 'kb.read');
	const found = await getArticle(event.locals.db, { actor, organizerId: organizer.id, slug: event.params.slug }).catch(throwHttp);
	const q = event.url.searchParams;
	const files = await listArticleFiles(event.locals.db, found.article.id);
	return { ...presentArticle(found), files, created: q.has('skapad'), saved: q.has('sparad'), voted: q.has('tack') };
};

export const actions: Actions = {
	vote: async (event) => {
		const { actor, organizer } = await requireKnowledge(event, 'kb.read');
		const answer = (await event.request.formData()).get('helpful');
		return runAction(
			async () => {
				if (answer !== 'ja' && answer !== 'nej') throw invalid('helpful', 'kb_error_vote');
				await voteOnArticle(event.locals.db, { actor, organizerId: organizer.id, slug: event.params.slug, helpful: answer === 'ja' });
				redirect(303, `/${organizer.slug}/hjalp/${event.params.slug}?tack#hjalpte`);
			},
			{ field: 'helpful' }
		);
	}
};
