import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { rowsOf } from '../db/rows';

/** What delivery needs from a mail transport; nodemailer's transporter fits, and tests pass a fake. */
export type MailTransport = {
	sendMail(mail: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
};

/** Marks a row while it is being sent, so two app nodes never send the same row. */
export const SENDING = 'sending';

/** Minutes to wait after the 1st, 2nd, … failed attempt; a failure after the last retry gives up for good. */
export const RETRY_DELAYS_MINUTES = [1, 5, 30, 120, 720] as const;

/** Attempts before delivery gives up: the first one and one per retry delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1;

/** How long a claim lasts: a row still 'sending' after this was left by a crashed process. */
export const CLAIM_MINUTES = 10;

/** The error text of an attempt that never reported back (the process sending it stopped). */
export const INTERRUPTED = `interrupted: no answer within ${CLAIM_MINUTES} minutes`;

const MINUTE_MS = 60_000;

/** When to try again after the `attempts`-th failed attempt, or null when that was the last one. */
export function nextAttemptAfter(attempts: number, now: Date): Date | null {
	const delay = RETRY_DELAYS_MINUTES[attempts - 1];
	return delay === undefined ? null : new Date(now.getTime() + delay * MINUTE_MS);
}

type Claimed = { id: number; to_address: string; subject: string; body: string; attempts: number };

/**
 * Claims that outlived CLAIM_MINUTES count as failed attempts: due at once, or given up after the last.
 * The row lock and the re-checked WHERE make parallel runs recover each row once.
 */
async function recoverStaleClaims(db: Db, now: Date): Promise<void> {
	await db.execute(sql`
		UPDATE outbox SET error = ${INTERRUPTED},
			next_attempt_at = CASE WHEN attempts >= ${MAX_ATTEMPTS} THEN NULL ELSE ${now}::timestamptz END
		WHERE sent_at IS NULL AND error = ${SENDING} AND next_attempt_at <= ${now}::timestamptz`);
}

/**
 * Sends every due outbox row through `transport`, one at a time, and marks each `sent_at`, or
 * counts the failure and schedules the next attempt (RETRY_DELAYS_MINUTES) until MAX_ATTEMPTS,
 * after which the row keeps its error and is left alone. A row is claimed with one atomic
 * UPDATE … FOR UPDATE SKIP LOCKED before it is sent, so no transaction is held open during SMTP
 * and parallel runs share the work; a claim is good for CLAIM_MINUTES (crash recovery).
 * Due: unsent, not given up (a failed row without a next attempt), and its next attempt not in the future.
 * The body of a sensitive row is emptied once it is sent. Returns how many were sent and how many attempts failed.
 */
export async function deliverOutbox(
	db: Db,
	opts: { transport: MailTransport; from: string; limit?: number; now?: Date }
): Promise<{ sent: number; failed: number }> {
	const clock = () => opts.now ?? new Date();
	let sent = 0;
	let failed = 0;
	await recoverStaleClaims(db, clock());
	for (let i = 0; i < (opts.limit ?? 100); i++) {
		const now = clock();
		const claimEnds = new Date(now.getTime() + CLAIM_MINUTES * MINUTE_MS);
		const result = await db.execute(sql`
			UPDATE outbox SET error = ${SENDING}, attempts = attempts + 1, next_attempt_at = ${claimEnds}::timestamptz
			WHERE id = (
				SELECT id FROM outbox
				WHERE sent_at IS NULL
					AND (error IS DISTINCT FROM ${SENDING})
					AND (next_attempt_at <= ${now}::timestamptz OR (next_attempt_at IS NULL AND error IS NULL))
				ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
			)
			RETURNING id, to_address, subject, body, attempts`);
		const row = rowsOf<Claimed>(result)[0];
		if (!row) break;
		const id = Number(row.id);
		try {
			await opts.transport.sendMail({ from: opts.from, to: row.to_address, subject: row.subject, text: row.body });
			// Unconditional: even a claim that ran out is now sent, and must not be sent again.
			// A sensitive body (a one-time link) has done its work: it is emptied, so nobody can read it later.
			await db.execute(sql`
				UPDATE outbox SET sent_at = ${clock()}::timestamptz, error = NULL, next_attempt_at = NULL,
					body = CASE WHEN sensitive THEN '' ELSE body END
				WHERE id = ${id}`);
			sent++;
		} catch (e) {
			const message = (e instanceof Error ? e.message : String(e)).slice(0, 500) || 'unknown error';
			const next = nextAttemptAfter(Number(row.attempts), clock());
			// Only while still our claim: a late failure must not undo a send recovered by another run.
			await db.execute(sql`
				UPDATE outbox SET error = ${message}, next_attempt_at = ${next}::timestamptz
				WHERE id = ${id} AND sent_at IS NULL AND error = ${SENDING}`);
			failed++;
		}
	}
	return { sent, failed };
}
