import { and, asc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { planningActionLinks, planningActions, planningPlans } from '../db/schema';
import { isActionStatus, type ActionStatus } from './statuses';

/** What a respondent may learn of an action made from their answers: what, its status and when. Never who. */
export type ConclusionAction = { id: string; title: string; status: ActionStatus; dueOn: string | null; period: string };
type ConclusionScope = { id: string; unitId: string | null; subGoalId: string | null; itemKey: string | null };

/** An action's link answers a conclusion when both name the same sub-goal and, where both name an item, the same item. */
const answers = (c: ConclusionScope, l: { subGoalId: string; itemKey: string | null }) =>
	c.subGoalId === l.subGoalId && (!c.itemKey || !l.itemKey || c.itemKey === l.itemKey);

/**
 * "Ni sa – vi gör": for each conclusion of a round, the actions in the plan of the conclusion's scope (its
 * unit's, or the organizer's) that are linked to the conclusion's sub-goal or item, in any läsår. The caller
 * has already decided that the reader may read the conclusions; decision 020 (addendum) says why the title,
 * status and due date of these actions may follow them.
 */
export async function findConclusionActions(db: Db, opts: { organizerId: string; frameworkKey: string; conclusions: ConclusionScope[] }) {
	const out = new Map<string, ConclusionAction[]>();
	const scoped = opts.conclusions.filter((c) => c.subGoalId);
	if (!scoped.length) return out;
	const unitIds = [...new Set(scoped.flatMap((c) => (c.unitId ? [c.unitId] : [])))];
	const scopes: SQL[] = [];
	if (unitIds.length) scopes.push(inArray(planningPlans.unitId, unitIds));
	if (scoped.some((c) => !c.unitId)) scopes.push(isNull(planningPlans.unitId));
	const rows = await db
		.select({
			id: planningActions.id,
			title: planningActions.title,
			status: planningActions.status,
			dueOn: planningActions.dueOn,
			period: planningPlans.period,
			unitId: planningPlans.unitId,
			subGoalId: planningActionLinks.subGoalId,
			itemKey: planningActionLinks.itemKey
		})
		.from(planningActionLinks)
		.innerJoin(planningActions, eq(planningActions.id, planningActionLinks.actionId))
		.innerJoin(planningPlans, eq(planningPlans.id, planningActions.planId))
		.where(
			and(
				eq(planningActionLinks.organizerId, opts.organizerId),
				eq(planningActionLinks.frameworkKey, opts.frameworkKey),
				inArray(planningActionLinks.subGoalId, [...new Set(scoped.map((c) => c.subGoalId!))]),
				or(...scopes)
			)
		)
		.orderBy(asc(planningPlans.period), asc(planningActions.dueOn), asc(planningActions.title));
	for (const c of scoped) {
		const seen = new Set<string>();
		const mine: ConclusionAction[] = [];
		for (const r of rows)
			if (r.unitId === c.unitId && answers(c, r) && !seen.has(r.id) && isActionStatus(r.status)) {
				seen.add(r.id);
				mine.push({ id: r.id, title: r.title, status: r.status, dueOn: r.dueOn, period: r.period });
			}
		if (mine.length) out.set(c.id, mine);
	}
	return out;
}
