import type { Db } from '../db';
import { outbox } from '../db/schema';

export type MailMessage = {
	/** The organizer whose administrators may read the message in the outbox (null: instance-level mail). */
	organizerId: string | null;
	to: string;
	subject: string;
	body: string;
	/** The body holds a one-time secret (a reset link): administrators never see it, and it is emptied once sent. */
	sensitive?: boolean;
};

/**
 * Queues a plain-text mail by writing it to the outbox, inside the caller's transaction,
 * so a mail exists exactly when the change that caused it was committed.
 * Nothing is sent here: call `deliverOutboxLater(db)` after the transaction commits.
 * Without SMTP the message stays in the outbox for the organizer's administrators to read, unless it is
 * `sensitive`: then they see that it exists, never what it says.
 */
export async function sendMail(db: Db, message: MailMessage): Promise<{ id: number }> {
	const [row] = await db
		.insert(outbox)
		.values({
			organizerId: message.organizerId,
			toAddress: message.to,
			subject: message.subject,
			body: message.body,
			sensitive: message.sensitive ?? false
		})
		.returning({ id: outbox.id });
	return row;
}
