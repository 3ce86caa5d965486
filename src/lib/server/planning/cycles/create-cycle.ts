import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningCycleMembers, planningCycles } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, type FieldIssue, parseOrThrow } from '../../errors';
import { authorize, can, type Actor } from '../../policies';
import { loadPlanScopes } from '../plan-scopes';
import { loadGroupOptions } from './load-group-options';
import { newCycleSchema, type NewCycleInput } from './cycle-input';

/**
 * Opens a cycle for the organizer or one unit: a scope the actor plans for, a name, the day it opened and a
 * working group of the organizer's people. The scope's latest cycle becomes its previous one, so the new
 * cycle shows that cycle's actions; nothing else is copied. Bad input: INVALID beside the field. Audited.
 */
export async function createCycle(db: Db, opts: { actor: Actor; organizerId: string; input: NewCycleInput }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'planning.view', { type: 'organizer', organizerId });
	const input = parseOrThrow(newCycleSchema, opts.input, 'cycle');
	const issues: FieldIssue[] = [];
	const scope = (await loadPlanScopes(db, actor, organizerId)).find((s) => (s.unitId ?? 'organizer') === input.scope);
	if (!scope || !can(actor, 'plan.write', scope.resource)) issues.push({ field: 'scope', message: 'cycles_error_scope_not_allowed' });
	const memberIds = [...new Set(input.memberIds.filter(Boolean))];
	const allowed = new Set((await loadGroupOptions(db, { actor, organizerId })).map((p) => p.id));
	if (memberIds.some((id) => !allowed.has(id))) issues.push({ field: 'memberIds', message: 'cycles_error_member' });
	if (issues.length || !scope) throw new AppError('INVALID', 'cycle', issues);

	return db.transaction(async (tx) => {
		const [previous] = await tx
			.select({ id: planningCycles.id })
			.from(planningCycles)
			.where(
				and(
					eq(planningCycles.organizerId, organizerId),
					scope.unitId ? eq(planningCycles.unitId, scope.unitId) : isNull(planningCycles.unitId)
				)
			)
			.orderBy(desc(planningCycles.openedOn), desc(planningCycles.createdAt))
			.limit(1);
		const [row] = await tx
			.insert(planningCycles)
			.values({
				organizerId,
				unitId: scope.unitId,
				name: input.name,
				openedOn: input.openedOn,
				previousId: previous?.id ?? null,
				createdBy: actor.personId
			})
			.returning();
		if (memberIds.length)
			await tx.insert(planningCycleMembers).values(memberIds.map((personId) => ({ cycleId: row.id, personId, organizerId })));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'cycle.create',
			entityType: 'planning_cycle',
			entityId: row.id,
			changes: {
				unitId: [null, scope.unitId],
				name: [null, input.name],
				openedOn: [null, input.openedOn],
				memberIds: [null, memberIds],
				previousId: [null, row.previousId]
			}
		});
		return row;
	});
}
