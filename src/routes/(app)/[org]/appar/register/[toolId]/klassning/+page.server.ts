import { redirect } from '@sveltejs/kit';
import { requireApps } from '$lib/server/http/require-apps';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { classifyTool } from '$lib/server/apps/classify-tool';
import { getToolClassification } from '$lib/server/apps/get-tool-classification';
import type { Actions, PageServerLoad } from './$types';

/** The form that classifies a tool, filled in with its current classification (for the register's managers). */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireApps(event, 'apps.manage');
	const c = await getToolClassification(event.locals.db, { actor, organizerId: organizer.id, toolId: event.params.toolId }).catch(
		throwHttp
	);
	const cur = c.current;
	return {
		tool: c.tool,
		values: cur
			? {
					confidentiality: String(cur.confidentiality),
					integrity: String(cur.integrity),
					availability: String(cur.availability),
					traceability: cur.traceability === null ? '' : String(cur.traceability),
					confidentialityRationale: cur.confidentialityRationale,
					integrityRationale: cur.integrityRationale,
					availabilityRationale: cur.availabilityRationale,
					traceabilityRationale: cur.traceabilityRationale
				}
			: {}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, organizer } = await requireApps(event, 'apps.manage');
		const values = formValues(await event.request.formData());
		const toolId = event.params.toolId;
		return runAction(
			async () => {
				await classifyTool(event.locals.db, { actor, organizerId: organizer.id, toolId, input: values });
				redirect(303, `/${organizer.slug}/appar/register/${toolId}?klassad#klassning-heading`);
			},
			{ values }
		);
	}
};
