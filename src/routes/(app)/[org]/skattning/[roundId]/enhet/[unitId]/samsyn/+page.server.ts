import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { getConsensusOverview } from '$lib/server/assessment/consensus/get-consensus-overview';
import { localize } from '$lib/server/assessment/consensus/localize';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'organizer.member');
	const o = await getConsensusOverview(event.locals.db, {
		actor,
		organizerId: organizer.id,
		roundId: event.params.roundId,
		unitId: event.params.unitId
	}).catch(throwHttp);
	const locale = getLocale();
	return {
		round: o.round,
		unit: o.unit,
		groups: o.groups,
		subGoals: o.subGoals.map((sg) => ({ ...sg, title: localize(sg.title, locale) }))
	};
};
