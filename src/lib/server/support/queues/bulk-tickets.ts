import { z } from 'zod';
import type { Db } from '../../db';
import { AppError, isAppError, zodIssues } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { getTicket } from '../tickets/get-ticket';
import type { TicketRow } from '../tickets/ticket-resource';

/** At most this many cases in one bulk step (a page of the queue holds up to 100). */
export const BULK_MAX = 100;

/** The ticked case numbers of the queue form. Messages are message keys. */
export const bulkSchema = z.object({
	numbers: z
		.array(z.coerce.number().int().min(1).max(2_147_483_647), { message: 'queues_error_choose_cases' })
		.min(1, 'queues_error_choose_cases')
		.max(BULK_MAX, 'queues_error_too_many')
});

/**
 * What every bulk step checks first: the actor has a queue at the organizer, and the ticked numbers are
 * whole numbers, at least one and at most BULK_MAX. Returns the numbers once each, in order.
 */
export function checkBulk(opts: { actor: Actor | null; organizerId: string; input: { numbers: unknown } }): {
	actor: Actor;
	numbers: number[];
} {
	authorize(opts.actor, 'support.queue', { type: 'support', organizerId: opts.organizerId, unitId: null, ancestorIds: [] });
	const parsed = bulkSchema.safeParse(opts.input);
	if (!parsed.success)
		throw new AppError(
			'INVALID',
			'Inga ärenden valda',
			zodIssues(parsed.error.issues).map((i) => ({ ...i, field: 'numbers' }))
		);
	return { actor: opts.actor, numbers: [...new Set(parsed.data.numbers)].sort((a, b) => a - b) };
}

/** Why a ticked case was left alone. */
export type SkipReason = 'not_found' | 'not_allowed' | 'wrong_state' | 'unchanged';
export type BulkResult = { done: number[]; skipped: { number: number; reason: SkipReason }[] };

/**
 * Runs one step on each ticked case, each in its own transaction: the case is locked and
 * re-checked with `ticket.work`, so a case that moved on since the page was shown is skipped
 * and reported rather than changed. The step returns a skip reason or nothing when done.
 */
export async function forEachTicket(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; input: { numbers: unknown } },
	step: (tx: Db, actor: Actor, ticket: TicketRow) => Promise<SkipReason | void>
): Promise<BulkResult> {
	const { actor, numbers } = checkBulk(opts);
	const result: BulkResult = { done: [], skipped: [] };
	for (const number of numbers) {
		try {
			const outcome = await db.transaction(async (tx) => {
				const { ticket } = await getTicket(tx, { actor, organizerId: opts.organizerId, number, action: 'ticket.work', forUpdate: true });
				return step(tx, actor, ticket);
			});
			if (outcome) result.skipped.push({ number, reason: outcome });
			else result.done.push(number);
		} catch (e) {
			if (!isAppError(e) || (e.code !== 'NOT_FOUND' && e.code !== 'FORBIDDEN')) throw e;
			result.skipped.push({ number, reason: e.code === 'NOT_FOUND' ? 'not_found' : 'not_allowed' });
		}
	}
	return result;
}
