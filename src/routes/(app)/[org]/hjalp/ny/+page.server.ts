import { redirect } from '@sveltejs/kit';
import { requireKnowledge } from '$lib/server/http/require-knowledge';
import { runAction, throwHttp } from '$lib/server/http/errors';
import { loadArticleForm } from '$lib/server/knowledge/articles/load-article-form';
import { createArticle } from '$lib/server/knowledge/articles/create-article';
import { articleFormInput } from '$lib/server/knowledge/articles/article-form-values';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireKnowledge(event, 'kb.write');
	return { form: await loadArticleForm(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp) };
};

export const actions: Actions = {
	create: async (event) => {
		const { actor, organizer } = await requireKnowledge(event, 'kb.write');
		const { values, input } = articleFormInput(await event.request.formData());
		return runAction(
			async () => {
				const row = await createArticle(event.locals.db, { actor, organizerId: organizer.id, input });
				redirect(303, `/${organizer.slug}/hjalp/${row.slug}?skapad`);
			},
			{ values }
		);
	}
};
