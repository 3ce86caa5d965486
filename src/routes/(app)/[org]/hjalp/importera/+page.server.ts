import { fail } from '@sveltejs/kit';
import { runAction } from '$lib/server/http/errors';
import { requireKbManage } from '$lib/server/knowledge/require-kb-manage';
import { importArticles } from '$lib/server/knowledge/import/import-articles';
import { readUploadedArticles } from '$lib/server/knowledge/import/read-uploaded-articles';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireKbManage(event);
	return {};
};

export const actions: Actions = {
	/** Imports the uploaded .md files (or one .zip): the counts, or every problem by file and line with nothing written. */
	default: async (event) => {
		const { actor, organizer } = await requireKbManage(event);
		const data = await event.request.formData();
		const uploads = await Promise.all(
			data
				.getAll('files')
				.filter((f): f is File => f instanceof File)
				.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))
		);
		return runAction(async () => {
			const files = readUploadedArticles(uploads);
			const outcome = await importArticles(event.locals.db, { actor, organizerId: organizer.id, files });
			if (!outcome.ok) return fail(400, { problems: outcome.problems });
			return { imported: { created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged } };
		});
	}
};
