import { redirect } from '@sveltejs/kit';
import { requireApps } from '$lib/server/http/require-apps';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { archiveRequirement } from '$lib/server/apps/archive-requirement';
import { findRequirements } from '$lib/server/apps/find-requirements';
import { saveClassificationRules } from '$lib/server/apps/save-classification-rules';
import { saveRequirement } from '$lib/server/apps/save-requirement';
import { CLASSIFICATION_ASPECTS } from '$lib/server/db/schema/apps';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** What a change on the page can have done, for the notice after the redirect. */
const DONE = ['added', 'updated', 'archived', 'restored', 'rules'] as const;

/** The requirement catalogue and the rules for the simplified review; for the register's managers the forms too. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireApps(event, 'apps.register');
	const catalogue = await findRequirements(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	const editId = event.url.searchParams.get('andra');
	return {
		...catalogue,
		aspects: CLASSIFICATION_ASPECTS,
		editing: (catalogue.canManage && catalogue.entries.find((e) => e.id === editId)) || null,
		done: DONE.find((d) => d === event.url.searchParams.get('klart')) ?? null
	};
};

/** Back to the page after a change, with what was done for the notice. */
const done = (slug: string, what: string): never => redirect(303, `/${slug}/appar/klassning?klart=${what}`);

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer } = await requireApps(event, 'apps.manage');
		const values = formValues(await event.request.formData());
		const entryId = values.entryId || undefined;
		return runAction(
			async () => {
				await saveRequirement(event.locals.db, { actor, organizerId: organizer.id, entryId, input: values });
				done(organizer.slug, entryId ? 'updated' : 'added');
			},
			{ values, data: { action: 'save' as const } }
		);
	},
	archive: async (event) => archive(event, true),
	restore: async (event) => archive(event, false),
	rules: async (event) => {
		const { actor, organizer } = await requireApps(event, 'apps.manage');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await saveClassificationRules(event.locals.db, { actor, organizerId: organizer.id, input: values });
				done(organizer.slug, 'rules');
			},
			{ values, data: { action: 'rules' as const } }
		);
	}
};

async function archive(event: RequestEvent, archived: boolean) {
	const { actor, organizer } = await requireApps(event, 'apps.manage');
	const values = formValues(await event.request.formData());
	return runAction(
		async () => {
			await archiveRequirement(event.locals.db, { actor, organizerId: organizer.id, entryId: values.entryId ?? '', archived });
			done(organizer.slug, archived ? 'archived' : 'restored');
		},
		{ values, data: { action: 'archive' as const } }
	);
}
