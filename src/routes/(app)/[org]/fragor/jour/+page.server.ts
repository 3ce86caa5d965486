import { redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { requireKnowledge } from '$lib/server/http/require-knowledge';
import { runAction } from '$lib/server/http/errors';
import { findDutyRoster } from '$lib/server/knowledge/questions/find-duty-roster';
import { setDutyRoster } from '$lib/server/knowledge/questions/set-duty-roster';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireKnowledge(event, 'qa.take_part');
	const roster = await findDutyRoster(event.locals.db, { actor, organizerId: organizer.id, locale: getLocale() === 'en' ? 'en' : 'sv' });
	return { roster, saved: event.url.searchParams.has('sparad') };
};

export const actions: Actions = {
	/** One week of one chain: the ticked people are on duty, the others not. */
	save: async (event) => {
		const { actor, organizer } = await requireKnowledge(event, 'qa.roster');
		const data = await event.request.formData();
		const chain = String(data.get('chain') ?? '');
		const weekStart = String(data.get('weekStart') ?? '');
		const personIds = data.getAll('personId').filter((v): v is string => typeof v === 'string');
		return runAction(
			async () => {
				await setDutyRoster(event.locals.db, { actor, organizerId: organizer.id, chain, weekStart, personIds });
				redirect(303, `/${organizer.slug}/fragor/jour?sparad#${chain}-${weekStart}`);
			},
			{ values: { chain, weekStart }, renameField: () => `${chain}-${weekStart}` }
		);
	}
};
