import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { kbArticles, ticketSeenArticles } from '../../db/schema';
import { readableAudiences, type Actor } from '../../policies';

/** More than anyone is shown while filing one case; the rest of a longer list is dropped. */
const MAX_SEEN = 30;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Attaches to a case just filed the articles its requester was shown while filing (the form's hidden inputs).
 * Only published articles of the organizer that the actor may read are kept; malformed, unknown, foreign and
 * unreadable ids are ignored, since they come from the browser. Call it in the filing transaction.
 * Returns the ids attached.
 */
export async function attachSeenArticles(
	tx: Db,
	opts: { actor: Actor; organizerId: string; ticketId: string; articleIds: readonly unknown[] }
): Promise<string[]> {
	const ids = [...new Set(opts.articleIds.filter((v): v is string => typeof v === 'string' && UUID.test(v)))].slice(0, MAX_SEEN);
	if (ids.length === 0) return [];
	const readable = await tx
		.select({ id: kbArticles.id })
		.from(kbArticles)
		.where(
			and(
				inArray(kbArticles.id, ids),
				eq(kbArticles.organizerId, opts.organizerId),
				eq(kbArticles.status, 'published'),
				isNull(kbArticles.archivedAt),
				inArray(kbArticles.audience, readableAudiences(opts.actor, opts.organizerId))
			)
		);
	if (readable.length === 0) return [];
	await tx
		.insert(ticketSeenArticles)
		.values(readable.map((r) => ({ ticketId: opts.ticketId, articleId: r.id })))
		.onConflictDoNothing();
	return readable.map((r) => r.id);
}
