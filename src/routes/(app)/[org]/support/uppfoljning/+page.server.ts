import { can } from '$lib/server/policies';
import { throwHttp } from '$lib/server/http/errors';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { getSelfHelpFigures } from '$lib/server/knowledge/figures/get-self-help-figures';
import { countRequestsInTime } from '$lib/server/apps/requests/count-requests-in-time';
import { recentSchoolYears } from '$lib/server/support/followup/school-years';
import { todayInStockholm } from '$lib/server/auth/load-actor';
import type { PageServerLoad } from './$types';
import { loadFollowup } from './load-followup';

/**
 * The organizer's follow-up, with what self-help did in the same period and chain (issue 15, item 7), and for readers
 * of the tool register the requests for new tools decided within 5 working days that school year (issue 18, item 4).
 */
export const load: PageServerLoad = async (event) => {
	const followup = await loadFollowup(event, null);
	const { actor, organizer } = await requireOrganizer(event);
	const year = recentSchoolYears(todayInStockholm(), 3).find((y) => y.key === followup.year)!;
	const readsSelfHelp = can(actor, 'kb.read', { type: 'knowledge', organizerId: organizer.id });
	const selfHelp = readsSelfHelp
		? await getSelfHelpFigures(event.locals.db, {
				actor,
				organizerId: organizer.id,
				from: year.from,
				to: year.to,
				chain: followup.chain === 'technical' || followup.chain === 'pedagogical' ? followup.chain : null
			}).catch(throwHttp)
		: null;
	const requests = can(actor, 'apps.register', { type: 'apps', organizerId: organizer.id })
		? await countRequestsInTime(event.locals.db, { organizerId: organizer.id, from: year.from, to: year.to })
		: null;
	return { ...followup, selfHelp, requests };
};
