import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningCycleMembers } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { getCycle } from './get-cycle';
import { loadGroupOptions } from './load-group-options';

/**
 * Sets a cycle's working group, for those who write the scope's plan (members of the group write in the
 * cycle but do not choose who else does). A new member must be one of the organizer's people with a role
 * (as when the cycle was opened); a current member may stay even if their role has since ended. Someone
 * outside both: INVALID beside the list, nothing written. Audited with the group before and after.
 */
export async function updateCycleGroup(db: Db, opts: { actor: Actor; organizerId: string; cycleId: string; memberIds: string[] }) {
	const { actor, organizerId } = opts;
	const wanted = [...new Set(opts.memberIds.filter(Boolean))].slice(0, 101);
	const options = new Set((await loadGroupOptions(db, { actor, organizerId })).map((p) => p.id));
	return db.transaction(async (tx) => {
		const cycle = await getCycle(tx, { actor, organizerId, cycleId: opts.cycleId, lock: true });
		authorize(actor, 'plan.write', cycle.resource);
		const before = cycle.memberIds;
		if (wanted.length > 100 || wanted.some((id) => !options.has(id) && !before.includes(id)))
			throw new AppError('INVALID', 'cycle', [{ field: 'memberIds', message: 'cycles_error_member' }]);
		const removed = before.filter((id) => !wanted.includes(id));
		const added = wanted.filter((id) => !before.includes(id));
		if (!removed.length && !added.length) return { changed: false };
		if (removed.length)
			await tx
				.delete(planningCycleMembers)
				.where(and(eq(planningCycleMembers.cycleId, cycle.id), inArray(planningCycleMembers.personId, removed)));
		if (added.length) await tx.insert(planningCycleMembers).values(added.map((personId) => ({ cycleId: cycle.id, personId, organizerId })));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'cycle.update_group',
			entityType: 'planning_cycle',
			entityId: cycle.id,
			changes: { memberIds: [before, wanted] }
		});
		return { changed: true };
	});
}
