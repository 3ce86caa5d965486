import nodemailer from 'nodemailer';
import type { Db } from '../db';
import { env } from '../env';
import { deliverOutbox, type MailTransport } from './deliver-outbox';

let transport: MailTransport | undefined;

/** The SMTP transport from the configuration (only when SMTP_HOST is set), made once. */
export function smtpTransport(): MailTransport {
	transport ??= nodemailer.createTransport({
		host: env.SMTP_HOST,
		port: env.SMTP_PORT,
		secure: env.SMTP_PORT === 465,
		auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD } : undefined,
		// Well inside the outbox's claim (CLAIM_MINUTES): a send that hangs fails and is retried, never sent twice.
		connectionTimeout: 30_000,
		greetingTimeout: 30_000,
		socketTimeout: 120_000
	});
	return transport;
}

/**
 * Starts sending the outbox in the background when SMTP is configured; does nothing otherwise
 * (the mail then stays in the outbox for administrators to read). Call it after the transaction
 * that wrote the mail has committed. Fire and forget: errors are logged, never thrown, and
 * the request does not wait. The `mail-outbox` job (src/lib/server/jobs) also sends the outbox every
 * minute, so mail written by other transactions (notifications) goes out too.
 */
export function deliverOutboxLater(db: Db): void {
	if (!env.SMTP_HOST) return;
	deliverOutbox(db, { transport: smtpTransport(), from: env.SMTP_FROM })
		.then(({ failed }) => {
			if (failed) console.error(`outbox: ${failed} mail(s) could not be sent; see the outbox page`);
		})
		.catch((e) => console.error('outbox delivery failed', e));
}
