import { SENDING } from './deliver-outbox';

/**
 * sent | sending | retrying (failed, will be tried again at nextAttemptAt) | failed (given up) |
 * waiting (SMTP configured) | kept (no SMTP: the outbox is the only copy).
 */
export type OutboxStatus = 'sent' | 'sending' | 'retrying' | 'failed' | 'waiting' | 'kept';

type Row = {
	id: number;
	toAddress: string;
	subject: string;
	createdAt: Date;
	sentAt: Date | null;
	error: string | null;
	attempts: number;
	nextAttemptAt: Date | null;
	sensitive?: boolean;
	body?: string;
};

/** The delivery state of a row (see deliverOutbox for what the columns mean). */
export function outboxStatus(row: Pick<Row, 'sentAt' | 'error' | 'nextAttemptAt'>, smtpConfigured: boolean): OutboxStatus {
	if (row.sentAt) return 'sent';
	if (row.error === SENDING) return 'sending';
	if (row.error) return row.nextAttemptAt ? 'retrying' : 'failed';
	return smtpConfigured ? 'waiting' : 'kept';
}

/**
 * The fields an outbox page shows, with the delivery state worked out. `canRetry`: the "try again now" button applies.
 * A sensitive message (a one-time link) is `redacted`: its body never leaves the server.
 */
export function presentOutboxMessage(row: Row, smtpConfigured: boolean) {
	const status = outboxStatus(row, smtpConfigured);
	const failedBefore = status === 'retrying' || status === 'failed';
	return {
		id: row.id,
		to: row.toAddress,
		subject: row.subject,
		createdAt: row.createdAt.toISOString(),
		sentAt: row.sentAt?.toISOString() ?? null,
		status,
		attempts: row.attempts,
		nextAttemptAt: status === 'retrying' ? (row.nextAttemptAt?.toISOString() ?? null) : null,
		error: failedBefore ? row.error : null,
		canRetry: failedBefore,
		redacted: Boolean(row.sensitive),
		...(row.body !== undefined ? { body: row.sensitive ? '' : row.body } : {})
	};
}

export type PresentedOutboxMessage = ReturnType<typeof presentOutboxMessage>;
