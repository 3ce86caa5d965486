import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { findPlans } from '$lib/server/planning/find-plans';
import { isPeriod, periodOf } from '$lib/server/planning/period';
import { ACTION_STATUSES } from '$lib/server/planning/statuses';
import { can } from '$lib/server/policies';
import type { PageServerLoad } from './$types';

/** The läsår before and after, for paging between years. */
const shift = (period: string, by: number) => {
	const start = Number(period.slice(0, 4)) + by;
	return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
};

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const asked = event.url.searchParams.get('period') ?? '';
	const period = isPeriod(asked) ? asked : periodOf();
	const plans = await findPlans(event.locals.db, { actor, organizerId: organizer.id, period }).catch(throwHttp);
	const canConfigure = can(actor, 'planning.configure', { type: 'organizer', organizerId: organizer.id });
	return {
		period,
		previous: shift(period, -1),
		next: shift(period, 1),
		current: periodOf(),
		plans,
		statuses: ACTION_STATUSES,
		canConfigure
	};
};
