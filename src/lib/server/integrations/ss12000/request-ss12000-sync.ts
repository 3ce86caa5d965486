import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { ss12000Configs, ss12000Runs } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';

export type RequestedMode = 'auto' | 'full' | 'dry_run';

/**
 * Asks the sync job to run for the organizer ("Synka nu" → auto, "Provkör" → dry_run). The first real sync needs a
 * finished dry run first, so the administrator has seen what it will do (decision 051). The route then wakes the
 * job; it would find the request within a minute anyway.
 */
export async function requestSs12000Sync(
	db: Db,
	{ actor, organizerId, mode }: { actor: Actor | null; organizerId: string; mode: RequestedMode }
) {
	authorize(actor, 'ss12000.manage', { type: 'organizer', organizerId });
	return db.transaction(async (tx) => {
		const [config] = await tx.select().from(ss12000Configs).where(eq(ss12000Configs.organizerId, organizerId));
		if (!config) throw new AppError('INVALID', 'no config', [{ field: 'sync', message: 'ss12000_error_no_config' }]);
		if (mode !== 'dry_run' && !config.syncedUntil && !config.resume) {
			const [dry] = await tx
				.select({ id: ss12000Runs.id })
				.from(ss12000Runs)
				.where(and(eq(ss12000Runs.organizerId, organizerId), eq(ss12000Runs.mode, 'dry_run'), eq(ss12000Runs.status, 'done')))
				.limit(1);
			if (!dry) throw new AppError('INVALID', 'dry run first', [{ field: 'sync', message: 'ss12000_error_dry_run_first' }]);
		}
		await tx
			.update(ss12000Configs)
			.set({ requestedMode: mode, requestedBy: actor.personId })
			.where(eq(ss12000Configs.organizerId, organizerId));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'school_sync.request',
			entityType: 'ss12000_config',
			entityId: organizerId,
			changes: { mode }
		});
	});
}
