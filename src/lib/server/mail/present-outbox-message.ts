import { SENDING } from './deliver-outbox';

/** sent | error | sending | waiting (SMTP configured) | kept (no SMTP: the outbox is the only copy). */
export type OutboxStatus = 'sent' | 'error' | 'sending' | 'waiting' | 'kept';

type Row = { id: number; toAddress: string; subject: string; createdAt: Date; sentAt: Date | null; error: string | null; body?: string };

/** The fields an outbox page shows, with the delivery state worked out. */
export function presentOutboxMessage(row: Row, smtpConfigured: boolean) {
	const status: OutboxStatus = row.sentAt
		? 'sent'
		: row.error === SENDING
			? 'sending'
			: row.error
				? 'error'
				: smtpConfigured
					? 'waiting'
					: 'kept';
	return {
		id: row.id,
		to: row.toAddress,
		subject: row.subject,
		createdAt: row.createdAt.toISOString(),
		sentAt: row.sentAt?.toISOString() ?? null,
		status,
		error: status === 'error' ? row.error : null,
		...(row.body !== undefined ? { body: row.body } : {})
	};
}

export type PresentedOutboxMessage = ReturnType<typeof presentOutboxMessage>;
