import { fail, redirect } from '@sveltejs/kit';
import { requireApps } from '$lib/server/http/require-apps';
import { runAction, throwHttp } from '$lib/server/http/errors';
import { applyToolImport } from '$lib/server/apps/apply-tool-import';
import { createToolImport } from '$lib/server/apps/create-tool-import';
import { planToolImport } from '$lib/server/apps/plan-tool-import';
import { presentToolImport, presentToolImportGuide } from '$lib/server/apps/present-tool-import';
import { isImportFileError } from '$lib/server/imports/import-file-error';
import { ImportRowError } from '$lib/server/imports/row-failure';
import type { Actions, PageServerLoad } from './$types';

/** The upload form; with ?fil=<id> the preview of that file, or what its import did. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireApps(event, 'apps.manage');
	const batchId = event.url.searchParams.get('fil');
	if (!batchId) return { guide: presentToolImportGuide(), batch: null, preview: null, result: null };
	const { batch, plan, result } = await planToolImport(event.locals.db, { actor, organizerId: organizer.id, batchId }).catch(throwHttp);
	return {
		guide: presentToolImportGuide(),
		batch: { id: batch.id, fileName: batch.fileName, done: batch.status === 'done' },
		preview: plan ? presentToolImport(plan) : null,
		result
	};
};

export const actions: Actions = {
	/** Stores the file and shows its preview; a file that cannot be read is explained beside the field, nothing kept. */
	upload: async (event) => {
		const { actor, organizer } = await requireApps(event, 'apps.manage');
		const file = (await event.request.formData()).get('file');
		const hasFile = file instanceof File && (file.size > 0 || file.name !== '');
		return runAction(
			async () => {
				const bytes = hasFile ? new Uint8Array(await file.arrayBuffer()) : null;
				const { id } = await createToolImport(event.locals.db, {
					actor,
					organizerId: organizer.id,
					fileName: hasFile ? file.name : '',
					bytes
				});
				redirect(303, `/${organizer.slug}/appar/register/import?fil=${id}`);
			},
			{ recover: (e) => (isImportFileError(e) ? fail(400, { fileError: { message: e.issues[0].message, params: e.params } }) : undefined) }
		);
	},
	/** Writes every row of the previewed file in one transaction, or nothing. */
	confirm: async (event) => {
		const { actor, organizer } = await requireApps(event, 'apps.manage');
		const batchId = String((await event.request.formData()).get('batch') ?? '');
		return runAction(
			async () => {
				await applyToolImport(event.locals.db, { actor, organizerId: organizer.id, batchId });
				redirect(303, `/${organizer.slug}/appar/register/import?fil=${batchId}`);
			},
			{
				recover: (e) =>
					e instanceof ImportRowError
						? fail(409, { rowFailure: { line: e.line, message: e.rowError.issues[0]?.message ?? 'error_generic' } })
						: undefined
			}
		);
	}
};
