import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { planningPlans } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../policies';

/**
 * The plan for a scope and läsår, made on first use (a plan is where actions live, so nobody has to
 * create one first). Call inside the transaction that adds the action; the creation is audited.
 */
export async function ensurePlan(tx: Db, opts: { actor: Actor; organizerId: string; unitId: string | null; period: string }) {
	const where = and(
		eq(planningPlans.organizerId, opts.organizerId),
		eq(planningPlans.period, opts.period),
		opts.unitId ? eq(planningPlans.unitId, opts.unitId) : isNull(planningPlans.unitId)
	);
	const [found] = await tx.select().from(planningPlans).where(where);
	if (found) return found;
	const [made] = await tx
		.insert(planningPlans)
		.values({ organizerId: opts.organizerId, unitId: opts.unitId, period: opts.period, createdBy: opts.actor.personId })
		.onConflictDoNothing()
		.returning();
	if (!made) return (await tx.select().from(planningPlans).where(where))[0];
	await recordAudit(tx, {
		organizerId: opts.organizerId,
		actorId: opts.actor.personId,
		action: 'plan.create',
		entityType: 'planning_plan',
		entityId: made.id,
		changes: { unitId: [null, opts.unitId], period: [null, opts.period] }
	});
	return made;
}
