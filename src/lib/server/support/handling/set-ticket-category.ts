import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db';
import { recordAudit } from '../../audit/record-audit';
import { supportCategories } from '../../db/schema';
import { appendTicketEvent } from '../tickets/append-event';
import { isOpen } from './rules';
import { caseAudit, lockCase, type StepOptions } from './step';
import { conflict, invalid, parseOrThrow } from '../../errors';

export const setTicketCategorySchema = z.object({
	/** The new category; empty to leave the case without one. */
	categoryId: z
		.uuid('support_error_choose_category')
		.or(z.literal('').transform(() => null))
		.nullable()
		.default(null)
});
export type SetTicketCategoryInput = z.input<typeof setTicketCategorySchema>;

/**
 * Puts an open case in another category of its own chain (one the organizer still uses), or in none.
 * An internal step: the timeline shows it to staff, the audit log keeps both categories.
 */
export async function setTicketCategory(db: Db, opts: StepOptions<SetTicketCategoryInput>) {
	const input = parseOrThrow(setTicketCategorySchema, opts.input);
	return db.transaction(async (tx) => {
		const { ticket, actor } = await lockCase(tx, opts, 'ticket.work');
		if (!isOpen(ticket.state)) throw conflict('categoryId', 'handling_error_case_not_open');
		if (ticket.categoryId === input.categoryId) throw conflict('categoryId', 'bulkactions_error_category_unchanged');
		if (input.categoryId) {
			const [category] = await tx
				.select({ id: supportCategories.id })
				.from(supportCategories)
				.where(
					and(
						eq(supportCategories.id, input.categoryId),
						eq(supportCategories.organizerId, ticket.organizerId),
						eq(supportCategories.chain, ticket.chain),
						isNull(supportCategories.archivedAt)
					)
				);
			if (!category) throw invalid('categoryId', 'bulkactions_error_category_other_chain');
		}
		const { ticket: after } = await appendTicketEvent(tx, ticket, {
			actorId: actor.personId,
			by: 'handler',
			kind: 'category',
			public: false,
			data: { categoryId: input.categoryId, fromCategoryId: ticket.categoryId },
			patch: { categoryId: input.categoryId }
		});
		await recordAudit(tx, {
			action: 'ticket.set_category',
			...caseAudit(actor, after, { categoryId: [ticket.categoryId, after.categoryId] })
		});
		return after;
	});
}
