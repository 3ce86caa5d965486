import { and, desc, eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { formatDate } from '$lib/i18n';
import type { Db } from '../../db';
import { assistantTurns } from '../../db/schema';
import { AppError } from '../../errors';
import { isUuid } from '../../ids';
import { authorize, type Actor } from '../../policies';
import { ownConversation } from './queries';

/** A case's title is at most this long (the filing form's limit). */
const MAX_TITLE = 200;

/** What the filing form is filled in with when a conversation is handed over to a case. */
export type CaseHandover = { conversationId: string; title: string; description: string };

/**
 * The filing form's text for handing a question over to a case: the title is the question, the description the
 * question and the passages the assistant showed for it, each with its source, so the 1st line sees what was tried.
 * `turnId` picks the question (the latest when left out). Only the person's own conversation (otherwise NOT_FOUND).
 * Writes nothing: the conversation gets the case when it is filed (linkConversationToCase).
 */
export async function handOverToCase(
	db: Db,
	opts: { actor: Actor; organizerId: string; orgSlug: string; conversationId: string; turnId?: string | null }
): Promise<CaseHandover> {
	const { actor, organizerId } = opts;
	authorize(actor, 'assistant.use', { type: 'knowledge', organizerId });
	const conversation = await ownConversation(db, actor, organizerId, opts.conversationId);
	const which = isUuid(opts.turnId) ? eq(assistantTurns.id, opts.turnId) : undefined;
	const [turn] = await db
		.select()
		.from(assistantTurns)
		.where(and(eq(assistantTurns.conversationId, conversation.id), which))
		.orderBy(desc(assistantTurns.createdAt), desc(assistantTurns.id))
		.limit(1);
	if (!turn) throw new AppError('NOT_FOUND', 'turn not found');
	const title = turn.question.length <= MAX_TITLE ? turn.question : `${turn.question.slice(0, MAX_TITLE - 1).trimEnd()}…`;
	const lines = [m.assistant_handover_question({ question: turn.question }), ''];
	if (turn.passages.length === 0) lines.push(m.assistant_handover_nothing());
	else {
		lines.push(m.assistant_handover_shown(), '');
		for (const p of turn.passages) {
			lines.push(`> ${p.text}`);
			lines.push(m.assistant_source_line({ title: p.title, date: formatDate(p.updatedAt), url: `/${opts.orgSlug}/hjalp/${p.slug}` }), '');
		}
	}
	if (turn.helpful === false) lines.push(m.assistant_handover_not_helpful());
	return { conversationId: conversation.id, title, description: lines.join('\n').trim() };
}
