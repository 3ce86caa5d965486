import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, throwHttp, runAction } from '$lib/server/http/errors';
import { loadPlanScopes, scopeKey } from '$lib/server/planning/plan-scopes';
import { loadGroupOptions } from '$lib/server/planning/cycles/load-group-options';
import { createCycle } from '$lib/server/planning/cycles/create-cycle';
import { todayInStockholm } from '$lib/server/auth/load-actor';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const db = event.locals.db;
	const [scopes, people] = await Promise.all([
		loadPlanScopes(db, actor, organizer.id),
		loadGroupOptions(db, { actor, organizerId: organizer.id })
	]).catch(throwHttp);
	const asked = event.url.searchParams.get('scope') ?? '';
	const writable = scopes.filter((s) => s.canWrite).map((s) => ({ value: scopeKey(s.unitId), name: s.name, depth: s.depth }));
	return {
		scopes: writable,
		people,
		initial: { scope: writable.some((s) => s.value === asked) ? asked : (writable[0]?.value ?? ''), name: '', openedOn: todayInStockholm() }
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		const data = await event.request.formData();
		const values = formValues(data);
		const memberIds = data.getAll('memberIds').map(String);
		return runAction(
			async () => {
				const id = (
					await createCycle(event.locals.db, {
						actor,
						organizerId: organizer.id,
						input: { scope: values.scope ?? '', name: values.name ?? '', openedOn: values.openedOn ?? '', memberIds }
					})
				).id;
				redirect(303, `/${organizer.slug}/planering/cykler/${id}?ny`);
			},
			{ values: { ...values, memberIds } }
		);
	}
};
