import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningChainSteps, planningEffectChains, planningIndicators } from '../../db/schema';
import { authorize, type Actor } from '../../policies';
import { loadPlanScopes, type PlanScope } from '../plan-scopes';
import { rowsOf } from '../../db/rows';

/**
 * The organizer's effect chains the actor may read (those of scopes whose plan they may read), the
 * organizer's first, then by unit in tree order, with their effect and how many results and indicators
 * they hold. `scopes` are the plan scopes with what the actor may do there.
 */
export async function findChains(db: Db, opts: { actor: Actor; organizerId: string; scopes?: PlanScope[] }) {
	authorize(opts.actor, 'planning.view', { type: 'organizer', organizerId: opts.organizerId });
	const scopes = opts.scopes ?? (await loadPlanScopes(db, opts.actor, opts.organizerId));
	const order = new Map(scopes.map((s, i) => [s.unitId ?? 'organizer', i]));
	const readable = scopes.filter((s) => s.canView);
	const rows = await db
		.select({
			id: planningEffectChains.id,
			unitId: planningEffectChains.unitId,
			title: planningEffectChains.title,
			updatedAt: planningEffectChains.updatedAt,
			effect: sql<string>`(SELECT s.text FROM ${planningChainSteps} s WHERE s.chain_id = planning_effect_chains.id AND s.kind = 'effect' LIMIT 1)`,
			results: sql<number>`(SELECT count(*)::int FROM ${planningChainSteps} s WHERE s.chain_id = planning_effect_chains.id AND s.kind = 'result')`,
			indicators: sql<number>`(SELECT count(*)::int FROM ${planningIndicators} i JOIN ${planningChainSteps} s ON s.id = i.step_id WHERE s.chain_id = planning_effect_chains.id)`
		})
		.from(planningEffectChains)
		.where(eq(planningEffectChains.organizerId, opts.organizerId))
		.orderBy(asc(planningEffectChains.createdAt));
	const canRead = new Set(readable.map((s) => s.unitId ?? 'organizer'));
	const name = new Map(scopes.map((s) => [s.unitId ?? 'organizer', s.name]));
	return rows
		.filter((r) => canRead.has(r.unitId ?? 'organizer'))
		.map((r) => ({ ...r, unitName: r.unitId ? (name.get(r.unitId) ?? null) : null }))
		.sort((a, b) => (order.get(a.unitId ?? 'organizer') ?? 1e9) - (order.get(b.unitId ?? 'organizer') ?? 1e9));
}

/** The chains (readable by the actor) that an action is linked to, with the step it is linked to. */
export async function findActionChains(db: Db, opts: { actor: Actor; organizerId: string; actionId: string }) {
	const scopes = await loadPlanScopes(db, opts.actor, opts.organizerId);
	const canRead = new Set(scopes.filter((s) => s.canView).map((s) => s.unitId ?? 'organizer'));
	const res = await db.execute(sql`
		SELECT c.id, c.title, c.unit_id AS "unitId", s.kind, s.text
		FROM planning_chain_step_actions l
		JOIN planning_chain_steps s ON s.id = l.step_id
		JOIN planning_effect_chains c ON c.id = s.chain_id
		WHERE l.organizer_id = ${opts.organizerId} AND l.action_id = ${opts.actionId}
		ORDER BY c.title, s.position`);
	const rows = rowsOf<{ id: string; title: string; unitId: string | null; kind: string; text: string }>(res);
	return rows.filter((r) => canRead.has(r.unitId ?? 'organizer'));
}
