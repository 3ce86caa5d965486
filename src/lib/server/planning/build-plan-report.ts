import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { planningActions, planningPlans, units } from '../db/schema';
import { authorize, type Actor } from '../policies';
import { todayInStockholm } from '../auth/load-actor';
import { shownNamesById } from '../support/privacy/shown-names';
import { loadPlanScopes, scopeKey } from './plan-scopes';
import { isOverdue } from './statuses';
import { findIndicatorChanges } from './effects/find-indicator-changes';
import { getVision } from './vision/get-vision';
import { organizerPlan } from './vision/organizer-plan';

export type PlanReportAction = {
	id: string;
	title: string;
	plan: string | null;
	responsible: string;
	startsOn: string | null;
	dueOn: string | null;
	status: string;
	overdue: boolean;
};

/**
 * The organizer's plan report for a läsår, for the board and for print or a spreadsheet: the vision, each
 * strategic goal with the actions of the läsår that serve it (then those serving no goal), with plan, responsible
 * person (a protected identity as a pseudonym), dates and status, and every indicator of the effect chains the
 * reader may read with its latest value and whether it moved. Only plans the reader may read are in it.
 */
export async function buildPlanReport(db: Db, opts: { actor: Actor; organizerId: string; period: string; locale: string }) {
	const { actor, organizerId, period, locale } = opts;
	authorize(actor, 'plan.view', organizerPlan(organizerId));
	const today = todayInStockholm();
	const [vision, scopes, rows, indicators] = await Promise.all([
		getVision(db, { actor, organizerId, locale }),
		loadPlanScopes(db, actor, organizerId),
		db
			.select({
				id: planningActions.id,
				title: planningActions.title,
				goalId: planningActions.goalId,
				unitId: planningPlans.unitId,
				unitName: units.name,
				responsibleId: planningActions.responsibleId,
				startsOn: planningActions.startsOn,
				dueOn: planningActions.dueOn,
				status: planningActions.status
			})
			.from(planningActions)
			.innerJoin(planningPlans, eq(planningPlans.id, planningActions.planId))
			.leftJoin(units, eq(units.id, planningPlans.unitId))
			.where(and(eq(planningActions.organizerId, organizerId), eq(planningPlans.period, period)))
			.orderBy(sql`${units.nameSort} ASC NULLS FIRST`, sql`${planningActions.dueOn} ASC NULLS LAST`, asc(planningActions.title)),
		findIndicatorChanges(db, actor, organizerId)
	]);
	const readable = new Set(scopes.filter((s) => s.canView).map((s) => scopeKey(s.unitId)));
	const shown = rows.filter((r) => readable.has(scopeKey(r.unitId)));
	const names = await shownNamesById(db, { actor, organizerId, personIds: shown.map((r) => r.responsibleId), via: 'planning' });
	const present = (r: (typeof shown)[number]): PlanReportAction => ({
		id: r.id,
		title: r.title,
		plan: r.unitName,
		responsible: names.get(r.responsibleId) ?? '',
		startsOn: r.startsOn,
		dueOn: r.dueOn,
		status: r.status,
		overdue: isOverdue(r, today)
	});
	const goalIds = new Set(vision.goals.map((g) => g.id));
	return {
		period,
		vision: vision.text,
		goals: vision.goals.map((g) => ({
			id: g.id,
			title: g.title,
			subGoals: g.subGoals.map((s) => s.label),
			actions: shown.filter((r) => r.goalId === g.id).map(present)
		})),
		withoutGoal: shown.filter((r) => !r.goalId || !goalIds.has(r.goalId)).map(present),
		indicators: indicators.map((i) => ({
			chainId: i.chainId,
			chain: i.chainTitle,
			unit: i.unitName,
			name: i.name,
			latest: i.latest?.suppressed ? null : (i.latest?.value ?? null),
			hidden: !!i.latest?.suppressed,
			baseline: i.baseline,
			target: i.target,
			movement: i.movement
		}))
	};
}

export type PlanReport = Awaited<ReturnType<typeof buildPlanReport>>;
