import { fail, redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { runAction, throwHttp } from '$lib/server/http/errors';
import { applyImportBatch } from '$lib/server/imports/apply-import-batch';
import { getImportBatch } from '$lib/server/imports/get-import-batch';
import { planImportBatch } from '$lib/server/imports/plan-import-batch';
import { presentImportPlan } from '$lib/server/imports/present-import';
import { ImportRowError } from '$lib/server/imports/row-failure';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'import.run');
	const args = { actor, organizerId: organizer.id, batchId: event.params.batchId };
	try {
		const batch = await getImportBatch(event.locals.db, args);
		const summary = { kind: batch.kind, fileName: batch.fileName, status: batch.status };
		if (batch.status === 'done') return { batch: summary, result: batch.result, plan: null };
		const { plan } = await planImportBatch(event.locals.db, args);
		return { batch: summary, result: null, plan: presentImportPlan(plan) };
	} catch (e) {
		throwHttp(e);
	}
};

/** Applies the batch; a row the domain refuses at this point rolls everything back and is named. */
async function apply(event: RequestEvent, validOnly: boolean) {
	const { actor, organizer } = await requireOrganizer(event, 'import.run');
	return runAction(
		async () => {
			await applyImportBatch(event.locals.db, { actor, organizerId: organizer.id, batchId: event.params.batchId, validOnly });
			redirect(303, event.url.pathname);
		},
		{
			recover: (e) =>
				e instanceof ImportRowError
					? fail(409, { rowFailure: { line: e.line, message: e.rowError.issues[0]?.message ?? 'error_generic' } })
					: undefined
		}
	);
}

export const actions: Actions = {
	import: async (event) => apply(event, false),
	importValid: async (event) => apply(event, true)
};
