import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp, runAction } from '$lib/server/http/errors';
import { getLocale } from '$lib/paraglide/runtime';
import { createAction } from '$lib/server/planning/create-action';
import { loadActionForm } from '$lib/server/planning/load-action-form';
import { presentActionForm } from '$lib/server/planning/present-action-form';
import { actionFormInput } from '$lib/server/planning/action-form-values';
import { isPeriod, periodOf } from '$lib/server/planning/period';
import { loadSubGoalGuides } from '$lib/server/planning/sub-goal-guides';
import type { Actions, PageServerLoad } from './$types';

/** Fields the address may fill in, so a report's suggestion can open a prepared form. */
const PREFILL = ['scope', 'title', 'how', 'effect', 'followUp', 'supportCategoryId', 'goalId', 'courseId'];

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const options = await loadActionForm(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	const q = event.url.searchParams;
	const asked = q.get('period') ?? '';
	const links = q.getAll('links').map(String);
	const initial: Record<string, string> = Object.fromEntries(PREFILL.flatMap((k) => (q.get(k) ? [[k, q.get(k)!.slice(0, 8000)]] : [])));
	return {
		period: isPeriod(asked) ? asked : periodOf(),
		form: presentActionForm(options, getLocale(), links),
		initial: { responsibleId: actor.personId, ...initial },
		initialLinks: links,
		/** The framework's texts for the sub-goals the address links to, shown beside the form. */
		guides: await loadSubGoalGuides(links, getLocale()),
		/** The address's own fill-ins, kept on the form's address so a failed send still offers the chosen items. */
		query: new URLSearchParams([...q].filter(([k]) => !k.startsWith('/'))).toString()
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		const { values, lists, input } = actionFormInput(await event.request.formData());
		return runAction(
			async () => {
				const id = (await createAction(event.locals.db, { actor, organizerId: organizer.id, period: values.period || undefined, input }))
					.id;
				redirect(303, `/${organizer.slug}/planering/aktivitet/${id}?ny`);
			},
			{ values: { ...values, ...lists } }
		);
	}
};
