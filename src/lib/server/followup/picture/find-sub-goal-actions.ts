import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { rowsOf } from '../../db/rows';
import type { PlanScope } from '../../planning/plan-scopes';

/** How many actions a sub-goal lists by name; the plan roll-up has the rest. */
export const ACTIONS_SHOWN = 8;

export type SubGoalAction = {
	id: string;
	title: string;
	status: string;
	dueOn: string | null;
	unitId: string | null;
	unitName: string | null;
};

/**
 * The actions of a läsår's plans linked to each sub-goal of a framework (to the sub-goal or one of its items), in
 * plans the reader may read, and with a unit chosen only the organizer's plan and the plans at or under it. One query
 * for every sub-goal; each keeps its first ACTIONS_SHOWN by due date with the number left out.
 */
export async function findSubGoalActions(
	db: Db,
	o: { organizerId: string; frameworkKey: string; period: string; scopes: PlanScope[]; subtree: Set<string> | null }
): Promise<Map<string, { shown: SubGoalAction[]; more: number }>> {
	const rows = rowsOf<SubGoalAction & { subGoalId: string }>(
		await db.execute(sql`
			SELECT DISTINCT ON (l.sub_goal_id, a.id) l.sub_goal_id AS "subGoalId", a.id, a.title, a.status, a.due_on::text AS "dueOn",
				p.unit_id AS "unitId", u.name AS "unitName"
			FROM planning_action_links l
			JOIN planning_actions a ON a.id = l.action_id
			JOIN planning_plans p ON p.id = a.plan_id
			LEFT JOIN units u ON u.id = p.unit_id
			WHERE l.organizer_id = ${o.organizerId} AND l.framework_key = ${o.frameworkKey} AND p.period = ${o.period}
			ORDER BY l.sub_goal_id, a.id`)
	);
	const readable = new Set(o.scopes.filter((s) => s.canView).map((s) => s.unitId ?? 'organizer'));
	const out = new Map<string, { shown: SubGoalAction[]; more: number }>();
	const all = new Map<string, SubGoalAction[]>();
	for (const { subGoalId, ...a } of rows) {
		if (!readable.has(a.unitId ?? 'organizer')) continue;
		if (o.subtree && a.unitId !== null && !o.subtree.has(a.unitId)) continue;
		all.set(subGoalId, [...(all.get(subGoalId) ?? []), a]);
	}
	for (const [sg, list] of all) {
		list.sort((x, y) => (x.dueOn ?? '9999').localeCompare(y.dueOn ?? '9999') || x.title.localeCompare(y.title, 'sv'));
		out.set(sg, { shown: list.slice(0, ACTIONS_SHOWN), more: Math.max(0, list.length - ACTIONS_SHOWN) });
	}
	return out;
}
