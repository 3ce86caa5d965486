import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningCycleMembers, planningCycles } from '../../db/schema';
import { authorize, can, type Actor } from '../../policies';
import { loadPlanScopes, scopeKey } from '../plan-scopes';

/**
 * The cycles the actor may read, newest first, each with its scope's name, and the scopes where the actor
 * may open a new one (where they plan).
 */
export async function findCycles(db: Db, opts: { actor: Actor; organizerId: string }) {
	authorize(opts.actor, 'planning.view', { type: 'organizer', organizerId: opts.organizerId });
	const [scopes, rows, members] = await Promise.all([
		loadPlanScopes(db, opts.actor, opts.organizerId),
		db
			.select({ id: planningCycles.id, unitId: planningCycles.unitId, name: planningCycles.name, openedOn: planningCycles.openedOn })
			.from(planningCycles)
			.where(eq(planningCycles.organizerId, opts.organizerId))
			.orderBy(desc(planningCycles.openedOn), desc(planningCycles.createdAt), asc(planningCycles.id)),
		db
			.select({ cycleId: planningCycleMembers.cycleId, personId: planningCycleMembers.personId })
			.from(planningCycleMembers)
			.where(eq(planningCycleMembers.organizerId, opts.organizerId))
	]);
	const scopeOf = new Map(scopes.map((s) => [scopeKey(s.unitId), s]));
	const cycles = rows.flatMap((r) => {
		const scope = scopeOf.get(scopeKey(r.unitId));
		if (!scope) return [];
		const groupIds = members.filter((m) => m.cycleId === r.id).map((m) => m.personId);
		return can(opts.actor, 'cycle.view', { ...scope.resource, groupIds }) ? [{ ...r, unitName: scope.name }] : [];
	});
	return { cycles, canOpen: scopes.some((s) => s.canWrite) };
}
