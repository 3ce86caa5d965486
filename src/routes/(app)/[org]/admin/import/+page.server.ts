import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { runAction } from '$lib/server/http/errors';
import { createImportBatch } from '$lib/server/imports/create-import-batch';
import { isImportFileError } from '$lib/server/imports/import-file-error';
import type { ImportKind } from '$lib/server/imports/limits';
import { presentImportGuide } from '$lib/server/imports/present-import';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireOrganizer(event, 'import.run');
	return { guide: presentImportGuide() };
};

/** Stores the uploaded file and shows its preview; a file that cannot be read is explained and nothing is kept. */
async function upload(event: RequestEvent, kind: ImportKind) {
	const { actor, organizer } = await requireOrganizer(event, 'import.run');
	const data = await event.request.formData();
	const file = data.get('file');
	const hasFile = file instanceof File && (file.size > 0 || file.name !== '');
	return runAction(
		async () => {
			const bytes = hasFile ? new Uint8Array(await file.arrayBuffer()) : null;
			const { id } = await createImportBatch(event.locals.db, {
				actor,
				organizerId: organizer.id,
				kind,
				fileName: hasFile ? file.name : '',
				bytes
			});
			redirect(303, `/${organizer.slug}/admin/import/${id}`);
		},
		{
			recover: (e) =>
				isImportFileError(e) ? fail(400, { kind, fileError: { message: e.issues[0].message, params: e.params } }) : undefined
		}
	);
}

export const actions: Actions = {
	units: async (event) => upload(event, 'units'),
	people: async (event) => upload(event, 'people')
};
