import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { can } from '$lib/server/policies';
import { getPlan } from '$lib/server/planning/get-plan';
import { findPlanActions } from '$lib/server/planning/find-plan-actions';
import { scopeKey } from '$lib/server/planning/plan-scopes';
import { ACTION_STATUSES, isActionStatus } from '$lib/server/planning/statuses';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const plan = await getPlan(event.locals.db, { actor, organizerId: organizer.id, planId: event.params.planId }).catch(throwHttp);
	const asked = event.url.searchParams.get('status') ?? '';
	const status = isActionStatus(asked) ? asked : null;
	const actions = await findPlanActions(event.locals.db, { actor, organizerId: organizer.id, planId: plan.id, status });
	return {
		plan: { id: plan.id, period: plan.period, unitName: plan.unitName, scope: scopeKey(plan.unitId) },
		actions,
		status,
		statuses: ACTION_STATUSES,
		canWrite: can(actor, 'plan.write', plan.resource)
	};
};
