import { error, redirect } from '@sveltejs/kit';
import { requireKnowledge } from '$lib/server/http/require-knowledge';
import { runAction, throwHttp } from '$lib/server/http/errors';
import { getArticle } from '$lib/server/knowledge/articles/get-article';
import { loadArticleForm } from '$lib/server/knowledge/articles/load-article-form';
import { updateArticle } from '$lib/server/knowledge/articles/update-article';
import { archiveArticle } from '$lib/server/knowledge/articles/archive-article';
import { articleFormInput, articleFormValues } from '$lib/server/knowledge/articles/article-form-values';
import { listArticleFiles } from '$lib/server/knowledge/articles/article-files';
import { addArticleFile } from '$lib/server/knowledge/articles/add-article-file';
import { removeArticleFile } from '$lib/server/knowledge/articles/remove-article-file';
import { readUploadedFiles } from '$lib/server/support/tickets/read-uploaded-files';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireKnowledge(event, 'kb.write');
	const db = event.locals.db;
	const found = await getArticle(db, { actor, organizerId: organizer.id, slug: event.params.slug }).catch(throwHttp);
	// Another organizer's shared article is read here, never changed.
	if (found.sharedBy) error(404);
	return {
		article: { slug: found.article.slug, title: found.article.title },
		canEdit: found.canEdit,
		canArchive: found.canPublish,
		form: await loadArticleForm(db, { actor, organizerId: organizer.id }).catch(throwHttp),
		initial: articleFormValues(found.article),
		files: await listArticleFiles(db, found.article.id),
		fileAdded: event.url.searchParams.has('fil-tillagd'),
		fileRemoved: event.url.searchParams.has('fil-borttagen')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer } = await requireKnowledge(event, 'kb.write');
		const { values, input, expectedVersion } = articleFormInput(await event.request.formData());
		return runAction(
			async () => {
				const slug = event.params.slug;
				await updateArticle(event.locals.db, { actor, organizerId: organizer.id, slug, input, expectedVersion });
				redirect(303, `/${organizer.slug}/hjalp/${slug}?sparad`);
			},
			{ values, data: { action: 'save' } }
		);
	},
	archive: async (event) => {
		const { actor, organizer } = await requireKnowledge(event, 'kb.write');
		return runAction(
			async () => {
				await archiveArticle(event.locals.db, { actor, organizerId: organizer.id, slug: event.params.slug });
				redirect(303, `/${organizer.slug}/hjalp?borttagen`);
			},
			{ data: { action: 'archive' } }
		);
	},
	addFile: async (event) => {
		const { actor, organizer } = await requireKnowledge(event, 'kb.write');
		const [file] = await readUploadedFiles(await event.request.formData(), 'file', 1);
		return runAction(
			async () => {
				await addArticleFile(event.locals.db, { actor, organizerId: organizer.id, slug: event.params.slug, file: file ?? null });
				redirect(303, `/${organizer.slug}/hjalp/${event.params.slug}/redigera?fil-tillagd#filer`);
			},
			{ field: 'file', data: { action: 'addFile' } }
		);
	},
	removeFile: async (event) => {
		const { actor, organizer } = await requireKnowledge(event, 'kb.write');
		const fileId = String((await event.request.formData()).get('fileId') ?? '');
		return runAction(
			async () => {
				await removeArticleFile(event.locals.db, { actor, organizerId: organizer.id, slug: event.params.slug, fileId });
				redirect(303, `/${organizer.slug}/hjalp/${event.params.slug}/redigera?fil-borttagen#filer`);
			},
			{ data: { action: 'removeFile' } }
		);
	}
};
