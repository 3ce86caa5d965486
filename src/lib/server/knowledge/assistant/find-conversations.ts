import { and, asc, desc, eq, exists, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { assistantConversations, assistantTurns, people, tickets } from '../../db/schema';
import { authorize, type Actor } from '../../policies';
import { shownNames } from '../../support/privacy/shown-names';
import type { ShownConversation } from './get-conversation';
import { presentTurn } from './present-turn';

/** Which kept conversations a reviewer looks at: all, those with a question left unanswered, with a "no", or handed over. */
export const CONVERSATION_FILTERS = ['all', 'unanswered', 'not_helpful', 'handed_over'] as const;
export type ConversationFilter = (typeof CONVERSATION_FILTERS)[number];

/** Conversations shown at most on one page. */
export const CONVERSATION_PAGE = 50;

/**
 * The kept conversations of the organizer for those who review the assistant (assistant.review), newest first, each
 * with all its questions and what was answered: narrowed to those with a question the assistant could not answer,
 * one the person said did not help, or those handed over to a case — the questions the article writers need. The
 * asker is named, but a person with protected identity only by a pseudonym, to every reviewer (administrators too:
 * reading questions needs no name). At most CONVERSATION_PAGE; `more` says whether there were more.
 */
export async function findConversations(
	db: Db,
	opts: { actor: Actor; organizerId: string; filter?: ConversationFilter }
): Promise<{ conversations: ShownConversation[]; more: boolean }> {
	const { actor, organizerId } = opts;
	authorize(actor, 'assistant.review', { type: 'knowledge', organizerId });
	const turnWhere =
		opts.filter === 'unanswered'
			? eq(assistantTurns.answered, false)
			: opts.filter === 'not_helpful'
				? eq(assistantTurns.helpful, false)
				: undefined;
	const narrowed = turnWhere
		? exists(
				db
					.select({ one: sql`1` })
					.from(assistantTurns)
					.where(and(eq(assistantTurns.conversationId, assistantConversations.id), turnWhere))
			)
		: opts.filter === 'handed_over'
			? isNotNull(assistantConversations.ticketId)
			: undefined;
	const rows = await db
		.select({
			id: assistantConversations.id,
			createdAt: assistantConversations.createdAt,
			personId: assistantConversations.personId,
			personName: people.name,
			protectedIdentity: people.protectedIdentity,
			ticketNumber: tickets.number
		})
		.from(assistantConversations)
		.innerJoin(people, eq(people.id, assistantConversations.personId))
		.leftJoin(tickets, eq(tickets.id, assistantConversations.ticketId))
		.where(and(eq(assistantConversations.organizerId, organizerId), narrowed))
		.orderBy(desc(assistantConversations.createdAt), desc(assistantConversations.id))
		.limit(CONVERSATION_PAGE + 1);
	const page = rows.slice(0, CONVERSATION_PAGE);
	if (page.length === 0) return { conversations: [], more: false };
	const turns = await db
		.select()
		.from(assistantTurns)
		.where(
			inArray(
				assistantTurns.conversationId,
				page.map((r) => r.id)
			)
		)
		.orderBy(asc(assistantTurns.createdAt), asc(assistantTurns.id));
	const byConversation = Map.groupBy(turns, (t) => t.conversationId);
	const names = await shownNames(db, {
		actor: null,
		organizerId,
		people: [
			...new Map(page.map((r) => [r.personId, { id: r.personId, name: r.personName, protectedIdentity: r.protectedIdentity }])).values()
		],
		via: 'assistant_conversations'
	});
	return {
		more: rows.length > CONVERSATION_PAGE,
		conversations: page.map((r) => ({
			id: r.id,
			createdAt: r.createdAt,
			mine: r.personId === actor.personId,
			personName: names.get(r.personId) ?? null,
			ticketNumber: r.ticketNumber ?? null,
			turns: (byConversation.get(r.id) ?? []).map(presentTurn)
		}))
	};
}
