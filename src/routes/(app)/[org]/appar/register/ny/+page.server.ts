import { redirect } from '@sveltejs/kit';
import { requireApps } from '$lib/server/http/require-apps';
import { runAction } from '$lib/server/http/errors';
import { listOwnerOptions } from '$lib/server/apps/owner-options';
import { saveTool } from '$lib/server/apps/save-tool';
import { entryFieldName, toolFormInput } from '$lib/server/apps/tool-form';
import { SCHOOL_FORMS, TOOL_KINDS, TOOL_SIGN_INS } from '$lib/server/db/schema/apps';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { organizer } = await requireApps(event, 'apps.manage');
	return {
		owners: await listOwnerOptions(event.locals.db, organizer.id),
		kinds: TOOL_KINDS,
		signIns: TOOL_SIGN_INS,
		schoolForms: SCHOOL_FORMS
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { actor, organizer } = await requireApps(event, 'apps.manage');
		const { input, values } = toolFormInput(await event.request.formData());
		return runAction(
			async () => {
				const tool = await saveTool(event.locals.db, { actor, organizerId: organizer.id, input });
				redirect(303, `/${organizer.slug}/appar/register/${tool.id}?ny`);
			},
			{ values, renameField: entryFieldName }
		);
	}
};
