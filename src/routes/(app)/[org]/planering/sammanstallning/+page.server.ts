import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { getLocale } from '$lib/paraglide/runtime';
import { LAG, rollUpPlans, WEAK_BELOW } from '$lib/server/planning/roll-up-plans';
import { isPeriod, periodOf } from '$lib/server/planning/period';
import { ACTION_STATUSES } from '$lib/server/planning/statuses';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const asked = event.url.searchParams.get('period') ?? '';
	const period = isPeriod(asked) ? asked : periodOf();
	const db = event.locals.db;
	const rollUp = await rollUpPlans(db, { actor, organizerId: organizer.id, period }).catch(throwHttp);
	const locale = getLocale();
	return {
		period,
		round: rollUp.round,
		weakBelow: WEAK_BELOW,
		lag: LAG,
		statuses: ACTION_STATUSES,
		rows: rollUp.rows.map((r) => ({
			...r,
			title: r.title[locale] ?? r.title.sv
		})),
		goals: rollUp.goals,
		unitsWithoutActions: rollUp.unitsWithoutActions
	};
};
