import { findPlans } from '../../../planning/find-plans';
import { getPlan } from '../../../planning/get-plan';
import { findPlanActions } from '../../../planning/find-plan-actions';
import { periodOf } from '../../../planning/period';
import { defineOperation } from '../operation';
import { PlanActionList, PlanList, PlanParams, PlansQuery } from '../schemas';

/** GET /plans: the organizer's plan and the unit plans the caller may read for a school year (the plans overview). */
export const listPlans = defineOperation({
	id: 'listPlans',
	method: 'GET',
	path: '/plans',
	tag: 'Planering',
	summary: 'Planerna för ett läsår som nyckeln får läsa',
	scope: 'planning:read',
	query: PlansQuery,
	response: PlanList,
	run: async ({ db, caller, query }) => {
		const period = query.period ?? periodOf();
		const plans = await findPlans(db, { actor: caller.actor, organizerId: caller.organizerId, period });
		return { period, items: plans };
	}
});

/** GET /plans/{planId}/actions: a plan's actions, the responsible person's name as the caller may see it. */
export const listPlanActions = defineOperation({
	id: 'listPlanActions',
	method: 'GET',
	path: '/plans/{planId}/actions',
	tag: 'Planering',
	summary: 'En plans aktiviteter',
	scope: 'planning:read',
	params: PlanParams,
	response: PlanActionList,
	run: async ({ db, caller, params }) => {
		const plan = await getPlan(db, { actor: caller.actor, organizerId: caller.organizerId, planId: params.planId });
		return { items: await findPlanActions(db, { actor: caller.actor, organizerId: caller.organizerId, planId: plan.id }) };
	}
});
