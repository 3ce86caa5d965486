import { fail, redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { runAction, throwHttp } from '$lib/server/http/errors';
import { applyDeviceImport } from '$lib/server/devices/apply-device-import';
import { createDeviceImport } from '$lib/server/devices/create-device-import';
import { planDeviceImport } from '$lib/server/devices/plan-device-import';
import { presentDeviceImport, presentDeviceImportGuide } from '$lib/server/devices/present-device-import';
import { isImportFileError } from '$lib/server/imports/import-file-error';
import { ImportRowError } from '$lib/server/imports/row-failure';
import type { Actions, PageServerLoad } from './$types';

/** The upload form; with ?fil=<id> the preview of that file, or what its import did. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'devices.manage');
	const batchId = event.url.searchParams.get('fil');
	if (!batchId) return { guide: presentDeviceImportGuide(), batch: null, preview: null, result: null };
	const { batch, plan, result } = await planDeviceImport(event.locals.db, { actor, organizerId: organizer.id, batchId }).catch(throwHttp);
	return {
		guide: presentDeviceImportGuide(),
		batch: { id: batch.id, fileName: batch.fileName, done: batch.status === 'done' },
		preview: plan ? presentDeviceImport(plan) : null,
		result
	};
};

export const actions: Actions = {
	/** Stores the file and shows its preview; a file that cannot be read is explained beside the field, nothing kept. */
	upload: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'devices.manage');
		const file = (await event.request.formData()).get('file');
		const hasFile = file instanceof File && (file.size > 0 || file.name !== '');
		return runAction(
			async () => {
				const bytes = hasFile ? new Uint8Array(await file.arrayBuffer()) : null;
				const { id } = await createDeviceImport(event.locals.db, {
					actor,
					organizerId: organizer.id,
					fileName: hasFile ? file.name : '',
					bytes
				});
				redirect(303, `/${organizer.slug}/utrustning/importera?fil=${id}`);
			},
			{ recover: (e) => (isImportFileError(e) ? fail(400, { fileError: { message: e.issues[0].message, params: e.params } }) : undefined) }
		);
	},
	/** Writes every row of the previewed file in one transaction, or nothing. */
	confirm: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'devices.manage');
		const batchId = String((await event.request.formData()).get('batch') ?? '');
		return runAction(
			async () => {
				await applyDeviceImport(event.locals.db, { actor, organizerId: organizer.id, batchId });
				redirect(303, `/${organizer.slug}/utrustning/importera?fil=${batchId}`);
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
