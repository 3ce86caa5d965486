import { sql } from 'drizzle-orm';
import type { Db } from '../db';

/** What delivery needs from a mail transport; nodemailer's transporter fits, and tests pass a fake. */
export type MailTransport = {
	sendMail(mail: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
};

/** Marks a row while it is being sent, so two app nodes never send the same row. */
export const SENDING = 'sending';

type Claimed = { id: number; to_address: string; subject: string; body: string };

/**
 * Sends every unsent outbox row through `transport`, one at a time, and marks each
 * `sent_at` or `error`. A row is claimed with one atomic UPDATE … SKIP LOCKED before it is
 * sent, so no transaction is held open during SMTP and parallel runs share the work.
 * Failed rows are not retried automatically (a job queue such as pg-boss may take this over).
 * Returns how many were sent and how many failed.
 */
export async function deliverOutbox(
	db: Db,
	opts: { transport: MailTransport; from: string; limit?: number }
): Promise<{ sent: number; failed: number }> {
	let sent = 0;
	let failed = 0;
	for (let i = 0; i < (opts.limit ?? 100); i++) {
		const result = await db.execute(sql`
			UPDATE outbox SET error = ${SENDING}
			WHERE id = (
				SELECT id FROM outbox WHERE sent_at IS NULL AND error IS NULL
				ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
			)
			RETURNING id, to_address, subject, body`);
		const row = (result as unknown as { rows: Claimed[] }).rows[0];
		if (!row) break;
		const id = Number(row.id);
		try {
			await opts.transport.sendMail({ from: opts.from, to: row.to_address, subject: row.subject, text: row.body });
			await db.execute(sql`UPDATE outbox SET sent_at = now(), error = NULL WHERE id = ${id}`);
			sent++;
		} catch (e) {
			const message = (e instanceof Error ? e.message : String(e)).slice(0, 500) || 'unknown error';
			await db.execute(sql`UPDATE outbox SET error = ${message} WHERE id = ${id}`);
			failed++;
		}
	}
	return { sent, failed };
}
