import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { rowsOf } from './rows';
import { nextAttemptAfter, CLAIM_MINUTES, MAX_ATTEMPTS, SENDING } from '../mail/deliver-outbox';

/** The outboxes that are sent over HTTP and retried like the mail outbox: team-channel posts and webhook messages. */
export type RetryingOutbox = 'channel_posts' | 'webhook_messages';

/** What became of one attempt: sent, failed (tried again later, until the last retry), or given up at once. */
export type AttemptOutcome = { ok: true } | { ok: false; error: string; giveUp?: boolean };

/**
 * Sends every due row of a retrying outbox, one at a time: each row is claimed with one atomic UPDATE … FOR UPDATE
 * SKIP LOCKED (so parallel runs never send a row twice and no transaction is held during the request), handed to
 * `send`, then marked sent or failed. A failure is tried again after 1, 5, 30, 120 and 720 minutes like the mail
 * outbox, then kept with its error; a claim left by a crashed run counts as an attempt once it runs out.
 * `returning` names the claimed row's columns (id and attempts among them); `select` reads from `claimed c`, so a
 * row can be joined with what it is sent to as that is saved now. Given-up rows are not counted as failed.
 */
export async function drainRetryingOutbox<Row extends { id: number | string; attempts: number | string }>(
	db: Db,
	opts: {
		table: RetryingOutbox;
		returning: SQL;
		select: SQL;
		send: (row: Row) => Promise<AttemptOutcome>;
		now?: Date;
		limit?: number;
	}
): Promise<{ sent: number; failed: number }> {
	const clock = () => opts.now ?? new Date();
	const table = sql.identifier(opts.table);
	let sent = 0;
	let failed = 0;
	for (let i = 0; i < (opts.limit ?? 100); i++) {
		const now = clock();
		const claimEnds = new Date(now.getTime() + CLAIM_MINUTES * 60_000);
		const result = await db.execute(sql`
			WITH claimed AS (
				UPDATE ${table} SET error = ${SENDING}, attempts = attempts + 1, next_attempt_at = ${claimEnds}::timestamptz
				WHERE id = (
					SELECT id FROM ${table}
					WHERE sent_at IS NULL AND attempts < ${MAX_ATTEMPTS}
						AND (error IS NULL OR next_attempt_at <= ${now}::timestamptz)
					ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
				)
				RETURNING ${opts.returning}
			)
			${opts.select}`);
		const row = rowsOf<Row>(result)[0];
		if (!row) break;
		const id = Number(row.id);
		let outcome: AttemptOutcome;
		try {
			outcome = await opts.send(row);
		} catch (e) {
			outcome = { ok: false, error: (e instanceof Error ? e.message : String(e)).slice(0, 300) || 'unknown error' };
		}
		if (outcome.ok) {
			await db.execute(sql`UPDATE ${table} SET sent_at = ${clock()}::timestamptz, error = NULL, next_attempt_at = NULL WHERE id = ${id}`);
			sent++;
		} else if (outcome.giveUp) {
			await db.execute(
				sql`UPDATE ${table} SET error = ${outcome.error}, next_attempt_at = NULL, attempts = ${MAX_ATTEMPTS} WHERE id = ${id} AND sent_at IS NULL`
			);
		} else {
			const next = nextAttemptAfter(Number(row.attempts), clock());
			await db.execute(
				sql`UPDATE ${table} SET error = ${outcome.error}, next_attempt_at = ${next}::timestamptz WHERE id = ${id} AND sent_at IS NULL`
			);
			failed++;
		}
	}
	return { sent, failed };
}
