import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningActions, planningPlans } from '../../db/schema';
import type { Actor } from '../../policies';
import { loadActionForm } from '../load-action-form';
import { loadPlanScopes } from '../plan-scopes';
import { OPEN_STATUSES } from '../statuses';

/**
 * What the decision form offers: the organizer's active members as owners (as the action form lists them)
 * and the unfinished actions of the plans the actor reads, to point a decision at, by due date.
 */
export async function loadDecisionForm(db: Db, opts: { actor: Actor; organizerId: string }) {
	const scopes = (await loadPlanScopes(db, opts.actor, opts.organizerId)).filter((s) => s.canView);
	const unitIds = scopes.flatMap((s) => (s.unitId ? [s.unitId] : []));
	const readable =
		or(
			scopes.some((s) => !s.unitId) ? isNull(planningPlans.unitId) : undefined,
			unitIds.length ? inArray(planningPlans.unitId, unitIds) : undefined
		) ?? sql`false`;
	const [form, actions] = await Promise.all([
		loadActionForm(db, opts),
		db
			.select({ id: planningActions.id, title: planningActions.title, dueOn: planningActions.dueOn })
			.from(planningActions)
			.innerJoin(planningPlans, eq(planningPlans.id, planningActions.planId))
			.where(and(eq(planningActions.organizerId, opts.organizerId), inArray(planningActions.status, [...OPEN_STATUSES]), readable))
			.orderBy(asc(planningActions.dueOn), asc(planningActions.title))
			.limit(300)
	]);
	return {
		owners: form.members.map((p) => ({ value: p.id, label: p.name })),
		actions: actions.map((a) => ({ value: a.id, label: a.title }))
	};
}
