import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db';
import { planningActionEvents, planningActions } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError, zodIssues } from '../errors';
import { authorize, type Actor } from '../policies';
import { getAction } from './get-action';
import { ACTION_STATUSES } from './statuses';

const statusSchema = z.object({
	status: z.enum(ACTION_STATUSES, { error: 'planning_error_status' }),
	note: z.string().trim().max(4000, 'error_too_long').default('')
});

/**
 * Sets an action's status with an optional note, kept as a history entry. Those who write the plan may,
 * and the action's responsible person. A note without a change of status is kept as a history entry too
 * (a follow-up); neither a new status nor a note: INVALID. Audited.
 */
export async function changeActionStatus(
	db: Db,
	opts: { actor: Actor; organizerId: string; actionId: string; input: { status?: string; note?: string } }
) {
	const current = await getAction(db, opts);
	authorize(opts.actor, 'action.status', current.resource);
	const parsed = statusSchema.safeParse(opts.input);
	if (!parsed.success) throw new AppError('INVALID', 'status', zodIssues(parsed.error.issues));
	const { status, note } = parsed.data;

	return db.transaction(async (tx) => {
		const { action: before } = await getAction(tx, { ...opts, lock: true });
		if (status === before.status && !note)
			throw new AppError('INVALID', 'status', [{ field: 'note', message: 'planning_error_nothing_changed' }]);
		if (status !== before.status)
			await tx.update(planningActions).set({ status, updatedAt: new Date() }).where(eq(planningActions.id, before.id));
		const [event] = await tx
			.insert(planningActionEvents)
			.values({
				organizerId: opts.organizerId,
				actionId: before.id,
				fromStatus: before.status,
				toStatus: status,
				note,
				actorId: opts.actor.personId
			})
			.returning();
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'action.status',
			entityType: 'planning_action',
			entityId: before.id,
			changes: { status: [before.status, status], note: [null, note] }
		});
		return event;
	});
}
