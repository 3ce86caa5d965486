import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, throwHttp, runAction } from '$lib/server/http/errors';
import { getLocale } from '$lib/paraglide/runtime';
import { getCycle } from '$lib/server/planning/cycles/get-cycle';
import { loadCycleFacts } from '$lib/server/planning/cycles/load-cycle-facts';
import { localizedQuestions } from '$lib/server/planning/cycles/questions';
import { localize } from '$lib/server/assessment/consensus/localize';
import { saveCycleAnswers } from '$lib/server/planning/cycles/save-cycle-answers';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const db = event.locals.db;
	const cycle = await getCycle(db, { actor, organizerId: organizer.id, cycleId: event.params.cycleId }).catch(throwHttp);
	const facts = await loadCycleFacts(db, { actor, cycle });
	const locale = getLocale();
	return {
		lists: localizedQuestions(locale),
		facts: {
			assessment: facts.assessment && {
				...facts.assessment,
				subGoals: facts.assessment.subGoals.map((s) => ({ ...s, title: localize(s.title, locale) }))
			},
			support: facts.support
		},
		saved: event.url.searchParams.has('sparat')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		const values = formValues(await event.request.formData());
		const notes = Object.fromEntries(Object.entries(values).flatMap(([k, v]) => (k.startsWith('q-') ? [[k.slice(2), v]] : [])));
		return runAction(
			async () => {
				await saveCycleAnswers(event.locals.db, { actor, organizerId: organizer.id, cycleId: event.params.cycleId, notes });
				redirect(303, `/${organizer.slug}/planering/cykler/${event.params.cycleId}/undersok?sparat`);
			},
			{ values }
		);
	}
};
