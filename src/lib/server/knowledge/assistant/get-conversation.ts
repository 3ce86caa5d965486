import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { assistantConversations, assistantTurns, people, tickets } from '../../db/schema';
import { AppError } from '../../errors';
import { isUuid } from '../../ids';
import { can, type Actor } from '../../policies';
import { shownNames } from '../../support/privacy/shown-names';
import { presentTurn, type ShownTurn } from './present-turn';

/** A conversation as a page shows it. `personName` only for a reviewer reading someone else's. */
export type ShownConversation = {
	id: string;
	createdAt: Date;
	mine: boolean;
	personName: string | null;
	ticketNumber: number | null;
	turns: ShownTurn[];
};

/**
 * One conversation with its turns, oldest first: for the person who had it, and for those who review the
 * assistant (assistant.review); anyone else, and any malformed id, gets NOT_FOUND. A reviewer never sees the name
 * of a person with protected identity (see findConversations).
 */
export async function getConversation(
	db: Db,
	opts: { actor: Actor; organizerId: string; conversationId: string }
): Promise<ShownConversation> {
	const { actor, organizerId } = opts;
	if (!isUuid(opts.conversationId) || !can(actor, 'assistant.use', { type: 'knowledge', organizerId }))
		throw new AppError('NOT_FOUND', 'conversation not found');
	const [row] = await db
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
		.where(and(eq(assistantConversations.id, opts.conversationId), eq(assistantConversations.organizerId, organizerId)));
	const mine = row?.personId === actor.personId;
	if (!row || (!mine && !can(actor, 'assistant.review', { type: 'knowledge', organizerId })))
		throw new AppError('NOT_FOUND', 'conversation not found');
	const turns = await db
		.select()
		.from(assistantTurns)
		.where(eq(assistantTurns.conversationId, row.id))
		.orderBy(asc(assistantTurns.createdAt), asc(assistantTurns.id));
	const names = mine
		? null
		: await shownNames(db, {
				actor: null,
				organizerId,
				people: [{ id: row.personId, name: row.personName, protectedIdentity: row.protectedIdentity }],
				via: 'assistant_conversation'
			});
	return {
		id: row.id,
		createdAt: row.createdAt,
		mine,
		personName: names?.get(row.personId) ?? null,
		ticketNumber: row.ticketNumber ?? null,
		turns: turns.map(presentTurn)
	};
}
