import { getLocale } from '$lib/paraglide/runtime';
import { requireKnowledge } from '$lib/server/http/require-knowledge';
import { can } from '$lib/server/policies';
import { findQuestions, type QuestionFilter } from '$lib/server/knowledge/questions/find-questions';
import type { PageServerLoad } from './$types';

/** The tabs as they read in the address (?flik=…); anything else is the default tab. */
const TABS: Record<string, QuestionFilter> = { obesvarade: 'unanswered', alla: 'all', mina: 'mine' };

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireKnowledge(event, 'qa.take_part');
	const params = event.url.searchParams;
	const tab = Object.hasOwn(TABS, params.get('flik') ?? '') ? params.get('flik')! : 'alla';
	const query = (params.get('q') ?? '').slice(0, 200);
	const found = await findQuestions(event.locals.db, {
		actor,
		organizerId: organizer.id,
		filter: TABS[tab],
		query,
		locale: getLocale() === 'en' ? 'en' : 'sv'
	});
	return {
		tab,
		query,
		searched: found.searched,
		items: found.items.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })),
		canPlanRoster: can(actor, 'qa.roster', { type: 'knowledge', organizerId: organizer.id })
	};
};
