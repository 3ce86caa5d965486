import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { appReviewComments, appTools } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError, invalid } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';

/** Longest comment taken. */
export const MAX_COMMENT_CHARS = 4000;

/**
 * Adds a comment to a tool's review (apps.comment: the data protection officer and the register's managers). It
 * changes nothing about the tool's standing. INVALID beside `body` when empty or too long; NOT_FOUND for a tool of
 * another organizer. Audited as app_tool.comment (the length, not the text).
 */
export async function addReviewComment(db: Db, opts: { actor: Actor; organizerId: string; toolId: string; body: unknown }) {
	const { actor, organizerId, toolId } = opts;
	authorize(actor, 'apps.comment', { type: 'apps', organizerId });
	const body = typeof opts.body === 'string' ? opts.body.trim() : '';
	if (body === '' || body.length > MAX_COMMENT_CHARS) throw invalid('body', 'apps_error_comment');
	return db.transaction(async (tx) => {
		const [tool] = isUuid(toolId)
			? await tx
					.select({ id: appTools.id })
					.from(appTools)
					.where(and(eq(appTools.id, toolId), eq(appTools.organizerId, organizerId)))
			: [];
		if (!tool) throw new AppError('NOT_FOUND', 'no such tool');
		const [row] = await tx.insert(appReviewComments).values({ organizerId, toolId, body, authorId: actor.personId }).returning();
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'app_tool.comment',
			entityType: 'app_tool',
			entityId: toolId,
			changes: { comment: [null, row.id], length: [null, body.length] }
		});
		return row;
	});
}
