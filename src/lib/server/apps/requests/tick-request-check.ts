import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { appRequestChecks, appRequests } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, conflict, parseOrThrow } from '../../errors';
import { isUuid } from '../../ids';
import { authorize, type Actor } from '../../policies';
import { checkSchema } from './request-input';

/**
 * Ticks one item of a request's review checklist (agreement, classification, accessibility, interoperability, cost)
 * with a short note, or takes the tick away, for the 2nd line (apps.manage). Who and when are kept with the tick.
 * NOT_FOUND for a request of another organizer; CONFLICT once the request is decided (the checklist is then its
 * record). Audited with before and after.
 */
export async function tickRequestCheck(
	db: Db,
	opts: { actor: Actor; organizerId: string; requestId: string; input: Record<string, unknown> }
) {
	const { actor, organizerId, requestId } = opts;
	authorize(actor, 'apps.manage', { type: 'apps', organizerId });
	const input = parseOrThrow(checkSchema, opts.input);
	return db.transaction(async (tx) => {
		const [request] = isUuid(requestId)
			? await tx
					.select({ id: appRequests.id, decisionId: appRequests.decisionId })
					.from(appRequests)
					.where(and(eq(appRequests.id, requestId), eq(appRequests.organizerId, organizerId)))
					.for('update')
			: [];
		if (!request) throw new AppError('NOT_FOUND', 'no such request');
		if (request.decisionId) throw conflict('note', 'apprequests_error_decided');
		const where = and(eq(appRequestChecks.requestId, request.id), eq(appRequestChecks.item, input.item));
		const [before] = await tx.select().from(appRequestChecks).where(where);
		if (input.done) {
			const values = { note: input.note, checkedBy: actor.personId, checkedAt: new Date() };
			await tx
				.insert(appRequestChecks)
				.values({ requestId: request.id, organizerId, item: input.item, ...values })
				.onConflictDoUpdate({ target: [appRequestChecks.requestId, appRequestChecks.item], set: values });
		} else if (before) await tx.delete(appRequestChecks).where(where);
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'app_request.check',
			entityType: 'app_request',
			entityId: request.id,
			changes: { item: input.item, done: [!!before, input.done], note: [before?.note ?? null, input.done ? input.note : null] }
		});
	});
}
