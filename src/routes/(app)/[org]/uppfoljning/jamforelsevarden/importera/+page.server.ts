import { fail, redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { runAction, throwHttp } from '$lib/server/http/errors';
import { applyComparisonImport } from '$lib/server/followup/comparisons/apply-comparison-import';
import { createComparisonImport } from '$lib/server/followup/comparisons/create-comparison-import';
import { planComparisonImport } from '$lib/server/followup/comparisons/plan-comparison-import';
import { presentComparisonImport, presentComparisonImportGuide } from '$lib/server/followup/comparisons/present-comparison-import';
import { isImportFileError } from '$lib/server/imports/import-file-error';
import type { Actions, PageServerLoad } from './$types';

/** The upload form; with ?fil=<id> the preview of that file, or what its import did. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'followup.configure');
	const batchId = event.url.searchParams.get('fil');
	const guide = presentComparisonImportGuide();
	if (!batchId) return { guide, batch: null, preview: null, result: null };
	const { batch, plan, result } = await planComparisonImport(event.locals.db, { actor, organizerId: organizer.id, batchId }).catch(
		throwHttp
	);
	return {
		guide,
		batch: { id: batch.id, fileName: batch.fileName, done: batch.status === 'done' },
		preview: plan ? presentComparisonImport(plan) : null,
		result
	};
};

export const actions: Actions = {
	/** Stores the file and shows its preview; a file that cannot be read is explained beside the field, nothing kept. */
	upload: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'followup.configure');
		const file = (await event.request.formData()).get('file');
		const hasFile = file instanceof File && (file.size > 0 || file.name !== '');
		return runAction(
			async () => {
				const bytes = hasFile ? new Uint8Array(await file.arrayBuffer()) : null;
				const { id } = await createComparisonImport(event.locals.db, {
					actor,
					organizerId: organizer.id,
					fileName: hasFile ? file.name : '',
					bytes
				});
				redirect(303, `/${organizer.slug}/uppfoljning/jamforelsevarden/importera?fil=${id}`);
			},
			{ recover: (e) => (isImportFileError(e) ? fail(400, { fileError: { message: e.issues[0].message, params: e.params } }) : undefined) }
		);
	},
	/** Writes every row of the previewed file in one transaction, or nothing. */
	confirm: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'followup.configure');
		const batchId = String((await event.request.formData()).get('batch') ?? '');
		return runAction(async () => {
			await applyComparisonImport(event.locals.db, { actor, organizerId: organizer.id, batchId });
			redirect(303, `/${organizer.slug}/uppfoljning/jamforelsevarden/importera?fil=${batchId}`);
		});
	}
};
