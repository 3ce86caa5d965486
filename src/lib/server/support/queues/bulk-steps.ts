import type { Db } from '../../db';
import { AppError, invalid, isAppError, parseOrThrow } from '../../errors';
import type { Actor } from '../../policies';
import { assignTicket, assignTicketSchema } from '../handling/assign-ticket';
import { escalateTicket, escalateTicketSchema } from '../handling/escalate-ticket';
import { mergeTicket, mergeTicketSchema } from '../handling/merge-ticket';
import { setTicketCategory, setTicketCategorySchema } from '../handling/set-ticket-category';
import { setTicketState, setTicketStateSchema } from '../handling/set-ticket-state';
import { getTicket } from '../tickets/get-ticket';
import { checkBulk } from './bulk-tickets';

/** What a bulk step did: the cases changed, and each case left alone with the message key saying why. */
export type BulkOutcome = { done: number[]; skipped: { number: number; message: string }[] };

type BulkOptions<I> = { actor: Actor | null; organizerId: string; input: { numbers: unknown } & I };

/**
 * Runs a single-case handling step on each ticked case (decision 035): each case in the step's own
 * transaction, locked, authorized and audited exactly as on the case page. A case the step refuses is
 * left as it was and reported with the step's own message; the others are changed all the same.
 */
async function eachCase(numbers: number[], step: (number: number) => Promise<unknown>): Promise<BulkOutcome> {
	const outcome: BulkOutcome = { done: [], skipped: [] };
	for (const number of numbers) {
		try {
			await step(number);
			outcome.done.push(number);
		} catch (e) {
			if (!isAppError(e)) throw e;
			outcome.skipped.push({ number, message: skipMessage(e) });
		}
	}
	return outcome;
}

function skipMessage(e: AppError): string {
	if (e.code === 'NOT_FOUND') return 'queues_skip_not_found';
	if (e.code === 'FORBIDDEN') return 'queues_skip_not_allowed';
	return e.issues?.[0]?.message ?? 'queues_skip_not_allowed';
}

/** Hands the ticked cases to one person, who must be able to work each of them where it is. */
export async function assignTicketsTo(db: Db, opts: BulkOptions<{ assigneeId: unknown }>): Promise<BulkOutcome> {
	const { actor, numbers } = checkBulk(opts);
	const input = parseOrThrow(assignTicketSchema, { assigneeId: opts.input.assigneeId ?? '' });
	if (!input.assigneeId) throw invalid('assigneeId', 'handling_error_choose_assignee');
	return eachCase(numbers, (number) => assignTicket(db, { actor, organizerId: opts.organizerId, number, input }));
}

/** Moves the ticked open cases to one state (in progress, or waiting on the requester or a supplier). */
export async function setTicketsState(db: Db, opts: BulkOptions<{ state: unknown }>): Promise<BulkOutcome> {
	const { actor, numbers } = checkBulk(opts);
	const input = parseOrThrow(setTicketStateSchema, { state: opts.input.state });
	return eachCase(numbers, (number) => setTicketState(db, { actor, organizerId: opts.organizerId, number, input }));
}

/** Puts the ticked open cases in one category (of their chain), or in none. */
export async function setTicketsCategory(db: Db, opts: BulkOptions<{ categoryId: unknown }>): Promise<BulkOutcome> {
	const { actor, numbers } = checkBulk(opts);
	const input = parseOrThrow(setTicketCategorySchema, { categoryId: opts.input.categoryId ?? '' });
	return eachCase(numbers, (number) => setTicketCategory(db, { actor, organizerId: opts.organizerId, number, input }));
}

/**
 * Sends the ticked cases on to the next line, to one team, with one reason. Each case must still be at
 * the line the handler saw (`lines`, by number), as on the case page.
 */
export async function escalateTickets(
	db: Db,
	opts: BulkOptions<{ teamId: unknown; reason: unknown; lines: Record<number, unknown> }>
): Promise<BulkOutcome> {
	const { actor, numbers } = checkBulk(opts);
	parseOrThrow(escalateTicketSchema, { fromLine: 1, teamId: opts.input.teamId, reason: opts.input.reason });
	return eachCase(numbers, (number) =>
		escalateTicket(db, {
			actor,
			organizerId: opts.organizerId,
			number,
			input: { fromLine: opts.input.lines[number] as number, teamId: opts.input.teamId as string, reason: opts.input.reason as string }
		})
	);
}

/** Merges the ticked cases into one chosen case, which stays open; the others are closed as its duplicates. */
export async function mergeTicketsInto(db: Db, opts: BulkOptions<{ targetNumber: unknown }>): Promise<BulkOutcome> {
	const { actor, numbers } = checkBulk(opts);
	const input = parseOrThrow(mergeTicketSchema, { targetNumber: opts.input.targetNumber });
	await getTicket(db, { actor, organizerId: opts.organizerId, number: input.targetNumber }).catch((e) => {
		if (isAppError(e) && e.code === 'NOT_FOUND') throw invalid('targetNumber', 'handling_error_merge_target_missing');
		throw e;
	});
	const others = numbers.filter((n) => n !== input.targetNumber);
	if (others.length === 0) throw invalid('targetNumber', 'bulkactions_error_merge_nothing');
	return eachCase(others, (number) => mergeTicket(db, { actor, organizerId: opts.organizerId, number, input }));
}
