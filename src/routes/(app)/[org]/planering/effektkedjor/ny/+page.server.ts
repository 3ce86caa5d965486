import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction } from '$lib/server/http/errors';
import { createChain } from '$lib/server/planning/effects/create-chain';
import { loadPlanScopes, scopeKey } from '$lib/server/planning/plan-scopes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const scopes = await loadPlanScopes(event.locals.db, actor, organizer.id);
	const asked = event.url.searchParams.get('scope') ?? '';
	const writable = scopes.filter((s) => s.canWrite).map((s) => ({ value: scopeKey(s.unitId), name: s.name, depth: s.depth }));
	return { scopes: writable, initialScope: writable.some((s) => s.value === asked) ? asked : (writable[0]?.value ?? '') };
};

export const actions: Actions = {
	create: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				const id = (await createChain(event.locals.db, { actor, organizerId: organizer.id, input: values })).id;
				redirect(303, `/${organizer.slug}/planering/effektkedjor/${id}?ny`);
			},
			{ values }
		);
	}
};
