import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { planningActions, planningPlans } from '../db/schema';
import { can, type Actor } from '../policies';
import { todayInStockholm } from '../auth/load-actor';
import { findPlans } from './find-plans';
import { loadPlanScopes } from './plan-scopes';
import { periodOf } from './period';
import { OPEN_STATUSES } from './statuses';
import { findIndicatorChanges } from './effects/find-indicator-changes';
import { findNextMeetings } from './forums/find-next-meetings';

/** How many of the actor's own open actions the start page lists. */
const MY_ACTIONS = 5;

/**
 * What the start page shows of planning, for someone inside the organizer: the plans they write this läsår
 * with their state (on track, overdue, on hold), their own open actions soonest due first, the indicators of
 * the effect chains they read with whether each moved, and the next meeting of each forum they sit in.
 * Null for those who see nothing of planning.
 */
export async function getPlanningStart(db: Db, opts: { actor: Actor; organizerId: string }) {
	const { actor, organizerId } = opts;
	if (!can(actor, 'planning.view', { type: 'organizer', organizerId })) return null;
	const period = periodOf();
	const today = todayInStockholm();
	// The actor's plan scopes once, for both the plans and the effect chains.
	const scopes = await loadPlanScopes(db, actor, organizerId);
	const [plans, mine, indicators, meetings] = await Promise.all([
		findPlans(db, { actor, organizerId, period, scopes }),
		db
			.select({ id: planningActions.id, title: planningActions.title, dueOn: planningActions.dueOn, status: planningActions.status })
			.from(planningActions)
			.innerJoin(planningPlans, eq(planningPlans.id, planningActions.planId))
			.where(
				and(
					eq(planningActions.organizerId, organizerId),
					eq(planningActions.responsibleId, actor.personId),
					inArray(planningActions.status, [...OPEN_STATUSES])
				)
			)
			.orderBy(sql`${planningActions.dueOn} ASC NULLS LAST`, asc(planningActions.title))
			.limit(MY_ACTIONS),
		findIndicatorChanges(db, actor, organizerId, scopes),
		findNextMeetings(db, actor, organizerId)
	]);
	return {
		period,
		plans: plans
			.filter((p) => p.canWrite && p.planId)
			.map((p) => ({
				planId: p.planId!,
				name: p.unitName,
				total: p.total,
				overdue: p.overdue,
				onHold: p.byStatus.on_hold,
				done: p.byStatus.done,
				state: p.overdue > 0 ? ('overdue' as const) : p.byStatus.on_hold > 0 ? ('on_hold' as const) : ('on_track' as const)
			})),
		myActions: mine.map((a) => ({ ...a, overdue: !!a.dueOn && a.dueOn < today })),
		indicators: indicators.map((i) => ({
			chainId: i.chainId,
			chainTitle: i.chainTitle,
			unitName: i.unitName,
			name: i.name,
			movement: i.movement
		})),
		meetings: meetings.map((mt) => ({ forumName: mt.forumName, startsAt: mt.startsAt, place: mt.place, path: mt.path }))
	};
}
