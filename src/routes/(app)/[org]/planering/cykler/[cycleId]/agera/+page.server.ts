import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, throwHttp, runAction } from '$lib/server/http/errors';
import { loadGroupOptions } from '$lib/server/planning/cycles/load-group-options';
import { entriesFromForm } from '$lib/server/planning/cycles/entry-form';
import { saveCycleEntries } from '$lib/server/planning/cycles/save-cycle-entries';
import { createCycleActions } from '$lib/server/planning/cycles/create-cycle-actions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const people = await loadGroupOptions(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	const q = event.url.searchParams;
	return {
		people: people.map((p) => ({ value: p.id, label: p.name })),
		notice: q.has('skapade') ? 'acted' : q.has('sparat') ? 'saved' : null
	};
};

/** Saves the table, or saves it and makes actions of it; on bad input the page keeps everything typed. */
async function submit(event: RequestEvent, act: boolean) {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const values = formValues(await event.request.formData());
	const opts = { actor, organizerId: organizer.id, cycleId: event.params.cycleId, rows: entriesFromForm(values) };
	return runAction(
		async () => {
			if (act) await createCycleActions(event.locals.db, opts);
			else await saveCycleEntries(event.locals.db, opts);
			redirect(303, `/${organizer.slug}/planering/cykler/${event.params.cycleId}/agera?${act ? 'skapade' : 'sparat'}`);
		},
		{ values }
	);
}

export const actions: Actions = {
	save: (event) => submit(event, false),
	act: (event) => submit(event, true)
};
