import { redirect } from '@sveltejs/kit';
import { requireApps } from '$lib/server/http/require-apps';
import { runAction, throwHttp } from '$lib/server/http/errors';
import { importReviewPackage, previewReviewPackage } from '$lib/server/apps/import-review-package';
import { presentReviewPackage } from '$lib/server/apps/present-review-package';
import { stageReviewPackage } from '$lib/server/apps/stage-review-package';
import type { Actions, PageServerLoad } from './$types';

/** The upload form; with ?fil=<id> the preview of that staged package (decision 065). */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireApps(event, 'apps.manage');
	const batchId = event.url.searchParams.get('fil');
	if (!batchId) return { batchId: null, preview: null };
	const pkg = await previewReviewPackage(event.locals.db, { actor, organizerId: organizer.id, batchId }).catch(throwHttp);
	return { batchId, preview: presentReviewPackage(pkg) };
};

export const actions: Actions = {
	/** Checks the uploaded package and keeps it server-side for its preview; a refused file is explained beside the field. */
	check: async (event) => {
		const { actor, organizer } = await requireApps(event, 'apps.manage');
		const file = (await event.request.formData()).get('file');
		const hasFile = file instanceof File && file.size > 0;
		return runAction(
			async () => {
				const { id } = await stageReviewPackage(event.locals.db, {
					actor,
					organizerId: organizer.id,
					fileName: hasFile ? file.name : '',
					bytes: hasFile ? new Uint8Array(await file.arrayBuffer()) : null
				});
				redirect(303, `/${organizer.slug}/appar/register/granskning?fil=${id}`);
			},
			{ field: 'file' }
		);
	},
	/** Checks the staged package again and adds the tool, with its origin and any agreement file, to the register. */
	add: async (event) => {
		const { actor, organizer } = await requireApps(event, 'apps.manage');
		const batchId = event.url.searchParams.get('fil') ?? '';
		return runAction(async () => {
			const tool = await importReviewPackage(event.locals.db, { actor, organizerId: organizer.id, batchId });
			redirect(303, `/${organizer.slug}/appar/register/${tool.id}?ny`);
		});
	}
};
