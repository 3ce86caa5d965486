import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { rowsOf } from '../../db/rows';
import { readTogether } from '../../db/read-together';
import type { IndicatorParams } from '../../db/schema';
import type { PlanScope } from '../../planning/plan-scopes';
import { computeIndicators, newCaches, type IndicatorView } from '../../planning/effects/compute-indicators';

/** The sub-goal a computed indicator's kind speaks to on its own (support to 2.2, the tools to 2.3, coverage to 1.1). */
export const KIND_SUB_GOAL: Record<string, string> = {
	support_lead_time: '2.2',
	support_sla: '2.2',
	support_lost_lessons: '2.2',
	support_user_errors: '2.2',
	apps_agreement_coverage: '2.3',
	apps_licence_use: '2.3',
	apps_request_lead_time: '2.3',
	competence_coverage: '1.1'
};

export type SubGoalIndicator = IndicatorView & { chainId: string; chainTitle: string; chainUnitName: string | null };

type Row = {
	id: string;
	stepId: string;
	kind: string;
	params: IndicatorParams;
	chainId: string;
	chainTitle: string;
	chainUnitId: string | null;
};

/**
 * The effect-chain indicators tied to each sub-goal of a framework, in chains the reader may read (the rule of
 * findChains: the chain's plan scope), with a unit chosen the organizer's chains and those at or under it. An indicator
 * is tied to a sub-goal when it is computed from it, when its chain holds an action linked to it, or by its kind
 * (KIND_SUB_GOAL). Values, targets and movement come from computeIndicators (planning/effects), once per chain scope.
 */
export async function findSubGoalIndicators(
	db: Db,
	o: { organizerId: string; frameworkKey: string; scopes: PlanScope[]; subtree: Set<string> | null }
): Promise<Map<string, SubGoalIndicator[]>> {
	const [indicators, chainGoals] = await readTogether(db, [
		() =>
			db.execute(sql`
			SELECT i.id, i.step_id AS "stepId", i.kind, i.params, c.id AS "chainId", c.title AS "chainTitle", c.unit_id AS "chainUnitId"
			FROM planning_indicators i
			JOIN planning_chain_steps s ON s.id = i.step_id
			JOIN planning_effect_chains c ON c.id = s.chain_id
			WHERE i.organizer_id = ${o.organizerId}`),
		() =>
			db.execute(sql`
			SELECT DISTINCT s.chain_id AS "chainId", l.sub_goal_id AS "subGoalId"
			FROM planning_chain_step_actions sa
			JOIN planning_chain_steps s ON s.id = sa.step_id
			JOIN planning_action_links l ON l.action_id = sa.action_id
			WHERE sa.organizer_id = ${o.organizerId} AND l.framework_key = ${o.frameworkKey}`)
	]);
	const readable = new Set(o.scopes.filter((s) => s.canView).map((s) => s.unitId ?? 'organizer'));
	const names = new Map(o.scopes.map((s) => [s.unitId ?? 'organizer', s.name]));
	const goalsOfChain = new Map<string, Set<string>>();
	for (const g of rowsOf<{ chainId: string; subGoalId: string }>(chainGoals))
		goalsOfChain.set(g.chainId, (goalsOfChain.get(g.chainId) ?? new Set()).add(g.subGoalId));
	const rows = rowsOf<Row>(indicators).filter(
		(r) => readable.has(r.chainUnitId ?? 'organizer') && (!o.subtree || r.chainUnitId === null || o.subtree.has(r.chainUnitId))
	);
	const tiedTo = (r: Row) => {
		const out = new Set(goalsOfChain.get(r.chainId) ?? []);
		if (r.params?.subGoalId && (!r.params.frameworkKey || r.params.frameworkKey === o.frameworkKey)) out.add(r.params.subGoalId);
		if (KIND_SUB_GOAL[r.kind]) out.add(KIND_SUB_GOAL[r.kind]);
		return out;
	};
	const tied = rows.map((r) => ({ row: r, goals: tiedTo(r) })).filter((t) => t.goals.size > 0);
	// One computeIndicators per chain scope, sharing its caches: each round's report and year's figures are read once.
	const byScope = new Map<string | null, string[]>();
	for (const { row } of tied) byScope.set(row.chainUnitId, [...(byScope.get(row.chainUnitId) ?? []), row.stepId]);
	const caches = newCaches();
	const views = (
		await readTogether(
			db,
			[...byScope].map(
				([unitId, stepIds]) =>
					() =>
						computeIndicators(db, { organizerId: o.organizerId, unitId, stepIds: [...new Set(stepIds)], caches })
			)
		)
	).flat();
	const viewOf = new Map(views.map((v) => [v.id, v]));
	const out = new Map<string, SubGoalIndicator[]>();
	for (const { row, goals } of tied) {
		const view = viewOf.get(row.id);
		if (!view) continue;
		const item = {
			...view,
			chainId: row.chainId,
			chainTitle: row.chainTitle,
			chainUnitName: row.chainUnitId ? (names.get(row.chainUnitId) ?? null) : null
		};
		for (const g of goals) out.set(g, [...(out.get(g) ?? []), item]);
	}
	return out;
}
