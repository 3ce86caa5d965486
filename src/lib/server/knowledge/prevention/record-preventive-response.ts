import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { kbArticles, preventiveResponses, PREVENTIVE_RESPONSE_KINDS, type PreventiveResponseKind } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { invalid } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { loadPreventiveTarget } from './load-preventive-target';

/** Longest note. */
export const MAX_NOTE = 2000;

/** What was done about a flagged case (its number) or a cluster of user errors (category, or 'none', and 'YYYY-MM'). */
export type PreventiveTarget = { ticketNumber: string } | { categoryId: string; month: string };
export type PreventiveResponseInput = { kind: string; note: string; articleSlug?: string };

/**
 * Records what the preventive line did (issue 15, item 7): an article written (named by its address), a training
 * held, an action in the plan, or nothing, with a note. A case must be one the actor may see and was flagged as
 * self-help material; a cluster's month must be a real month. Bad input is refused beside its field.
 */
export async function recordPreventiveResponse(
	db: Db,
	opts: { actor: Actor; organizerId: string; target: PreventiveTarget; input: PreventiveResponseInput }
): Promise<void> {
	authorize(opts.actor, 'kb.write', { type: 'knowledge', organizerId: opts.organizerId });
	const kind = opts.input.kind as PreventiveResponseKind;
	if (!(PREVENTIVE_RESPONSE_KINDS as readonly string[]).includes(kind)) throw invalid('kind', 'prevent_error_kind');
	const note = opts.input.note.trim();
	if (note.length > MAX_NOTE) throw invalid('note', 'prevent_error_note_long');
	if (kind !== 'article' && !note) throw invalid('note', 'prevent_error_note_missing');
	const slug = (opts.input.articleSlug ?? '')
		.trim()
		.replace(/^.*\/hjalp\//, '')
		.replace(/[?#].*$/, '');

	let articleId: string | null = null;
	if (kind === 'article') {
		if (!slug) throw invalid('articleSlug', 'prevent_error_article_missing');
		const [article] = await db
			.select({ id: kbArticles.id })
			.from(kbArticles)
			.where(and(eq(kbArticles.organizerId, opts.organizerId), eq(kbArticles.slug, decodeSlug(slug))));
		if (!article) throw invalid('articleSlug', 'prevent_error_article_unknown');
		articleId = article.id;
	}

	const target = await loadPreventiveTarget(db, opts);
	const where =
		target.type === 'case'
			? { ticketId: target.id, categoryId: null, month: null }
			: { ticketId: null, categoryId: target.categoryId === 'none' ? null : target.categoryId, month: `${target.month}-01` };

	await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(preventiveResponses)
			.values({ organizerId: opts.organizerId, ...where, kind, note, articleId, createdBy: opts.actor.personId })
			.returning({ id: preventiveResponses.id });
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'preventive_response.create',
			entityType: 'preventive_response',
			entityId: row.id,
			changes: { kind, note, ...where, articleId }
		});
	});
}

/** An article's address as pasted: its slug, decoded when it can be (a stray % is kept as typed). */
function decodeSlug(slug: string): string {
	try {
		return decodeURIComponent(slug);
	} catch {
		return slug;
	}
}
