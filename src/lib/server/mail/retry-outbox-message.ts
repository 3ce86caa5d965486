import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { outbox } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policies';
import { outboxOfOrganizer } from './find-outbox-messages';
import { outboxStatus } from './present-outbox-message';

/**
 * "Försök igen nu": makes a failed message of the organizer's due at `now` (default: the current time), whether
 * it was waiting for its next attempt or had been given up; the next delivery run sends it. A message given up
 * gets one more attempt (a failure gives up again). For whoever may read the outbox (outbox.view); audited.
 * A message not failed (sent, being sent, never tried) is CONFLICT; another organizer's is NOT_FOUND.
 */
export async function retryOutboxMessage(db: Db, opts: { actor: Actor | null; organizerId: string; id: number; now?: Date }) {
	authorize(opts.actor, 'outbox.view', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	if (!Number.isSafeInteger(opts.id) || opts.id < 1) throw new AppError('NOT_FOUND', 'no such message');
	const now = opts.now ?? new Date();
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select({ id: outbox.id, sentAt: outbox.sentAt, error: outbox.error, attempts: outbox.attempts, nextAttemptAt: outbox.nextAttemptAt })
			.from(outbox)
			.where(and(outboxOfOrganizer(opts.organizerId), eq(outbox.id, opts.id)))
			.for('update');
		if (!row) throw new AppError('NOT_FOUND', 'no such message');
		const status = outboxStatus(row, true);
		if (status !== 'retrying' && status !== 'failed') {
			throw new AppError('CONFLICT', 'not a failed message', [{ field: 'retry', message: 'notify_outbox_error_not_failed' }]);
		}
		await tx.update(outbox).set({ nextAttemptAt: now }).where(eq(outbox.id, row.id));
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: 'outbox.retry',
			entityType: 'outbox',
			entityId: String(row.id),
			changes: {
				status: [status, 'retrying'],
				nextAttemptAt: [row.nextAttemptAt?.toISOString() ?? null, now.toISOString()],
				attempts: row.attempts
			}
		});
		return { id: row.id, nextAttemptAt: now };
	});
}
