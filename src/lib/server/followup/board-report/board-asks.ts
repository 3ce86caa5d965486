import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db';
import { boardReportAsks } from '../../db/schema';
import { authorize, type Actor } from '../../policies';
import { AppError, parseOrThrow } from '../../errors';
import { isUuid } from '../../ids';
import { recordAudit } from '../../audit/record-audit';
import { boardResource } from './resource';

/** How many asks a report may carry: the board decides a few things, not a backlog. */
export const MAX_ASKS = 10;

const askSchema = z.object({
	title: z.string().trim().min(1, 'board_error_ask_title').max(200, 'board_error_ask_title_long'),
	body: z.string().trim().min(1, 'board_error_ask_body').max(600, 'board_error_ask_body_long')
});

/** The asks waiting for the next report (followup.report), in their order. */
export async function findDraftAsks(db: Db, opts: { actor: Actor; organizerId: string }) {
	authorize(opts.actor, 'followup.report', boardResource(opts.organizerId));
	return db
		.select({ id: boardReportAsks.id, title: boardReportAsks.title, body: boardReportAsks.body })
		.from(boardReportAsks)
		.where(and(eq(boardReportAsks.organizerId, opts.organizerId), isNull(boardReportAsks.reportId)))
		.orderBy(asc(boardReportAsks.position), asc(boardReportAsks.createdAt));
}

/**
 * Adds an ask for the next report, or changes a draft one (followup.report). An ask already in a generated report
 * is frozen: changing it is NOT_FOUND, as if it were gone.
 */
export async function saveBoardAsk(
	db: Db,
	opts: { actor: Actor; organizerId: string; askId?: string | null; input: { title: string; body: string } }
): Promise<{ id: string }> {
	const { actor, organizerId } = opts;
	authorize(actor, 'followup.report', boardResource(organizerId));
	const input = parseOrThrow(askSchema, opts.input);
	return db.transaction(async (tx) => {
		if (opts.askId) {
			const [before] = isUuid(opts.askId)
				? await tx
						.select()
						.from(boardReportAsks)
						.where(and(eq(boardReportAsks.id, opts.askId), eq(boardReportAsks.organizerId, organizerId), isNull(boardReportAsks.reportId)))
						.for('update')
				: [];
			if (!before) throw new AppError('NOT_FOUND', 'ask');
			await tx
				.update(boardReportAsks)
				.set({ ...input, updatedAt: new Date() })
				.where(eq(boardReportAsks.id, before.id));
			await recordAudit(tx, {
				organizerId,
				actorId: actor.personId,
				action: 'board_report.ask_update',
				entityType: 'board_report_ask',
				entityId: before.id,
				changes: { title: [before.title, input.title], body: [before.body, input.body] }
			});
			return { id: before.id };
		}
		const [{ n, next }] = await tx
			.select({ n: sql<number>`count(*)::int`, next: sql<number>`coalesce(max(${boardReportAsks.position}), -1)::int + 1` })
			.from(boardReportAsks)
			.where(and(eq(boardReportAsks.organizerId, organizerId), isNull(boardReportAsks.reportId)));
		if (n >= MAX_ASKS) throw new AppError('INVALID', 'too many', [{ field: 'title', message: 'board_error_too_many_asks' }]);
		const [row] = await tx
			.insert(boardReportAsks)
			.values({ organizerId, ...input, position: next, createdBy: actor.personId })
			.returning({ id: boardReportAsks.id });
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'board_report.ask_add',
			entityType: 'board_report_ask',
			entityId: row.id,
			changes: input
		});
		return row;
	});
}

/** Removes a draft ask (followup.report); one already in a generated report stays (NOT_FOUND). */
export async function removeBoardAsk(db: Db, opts: { actor: Actor; organizerId: string; askId: string }): Promise<void> {
	const { actor, organizerId } = opts;
	authorize(actor, 'followup.report', boardResource(organizerId));
	if (!isUuid(opts.askId)) throw new AppError('NOT_FOUND', 'ask');
	await db.transaction(async (tx) => {
		const [gone] = await tx
			.delete(boardReportAsks)
			.where(and(eq(boardReportAsks.id, opts.askId), eq(boardReportAsks.organizerId, organizerId), isNull(boardReportAsks.reportId)))
			.returning({ id: boardReportAsks.id, title: boardReportAsks.title });
		if (!gone) throw new AppError('NOT_FOUND', 'ask');
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'board_report.ask_remove',
			entityType: 'board_report_ask',
			entityId: gone.id,
			changes: { title: gone.title }
		});
	});
}
