import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { emailChanges, people } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { findHomeOrganizerId } from '../auth/home-organizer';
import { hashToken } from '../auth/tokens';
import { deliverOutboxLater } from '../mail/deliver-outbox-later';
import { endAccessAfterEmailChange } from './email-change';
import { isUniqueViolation } from '../db/pg-errors';

const usable = (token: string) =>
	and(
		eq(emailChanges.tokenHash, hashToken(token)),
		isNull(emailChanges.usedAt),
		gt(emailChanges.expiresAt, new Date()),
		eq(people.status, 'active')
	);

/** The address a link would make the sign-in address, if the link is still usable; null for anything else. */
export async function findUsableEmailChange(db: Db, token: string): Promise<{ newEmail: string } | null> {
	if (!token || token.length > 200) return null;
	const [row] = await db
		.select({ newEmail: emailChanges.newEmail })
		.from(emailChanges)
		.innerJoin(people, eq(people.id, emailChanges.personId))
		.where(usable(token));
	return row ?? null;
}

/**
 * Opening the link from the new address (anyone holding it: it went to that mailbox only) makes it the
 * person's sign-in address. As any e-mail change (decision 018): every session ends, open reset links stop
 * working and the old address is told. NOT_FOUND for a used, expired or unknown link, or when the address has
 * come to sign someone else in meanwhile (INVALID). Audited as person.update with the old and new address.
 */
export async function confirmEmailChange(db: Db, token: string): Promise<{ email: string }> {
	if (!token || token.length > 200) throw new AppError('NOT_FOUND', 'no such link');
	try {
		const done = await db.transaction(async (tx) => {
			const [row] = await tx
				.select({ personId: emailChanges.personId, newEmail: emailChanges.newEmail, name: people.name, oldEmail: people.email })
				.from(emailChanges)
				.innerJoin(people, eq(people.id, emailChanges.personId))
				.where(usable(token))
				.for('update');
			if (!row) throw new AppError('NOT_FOUND', 'no such link');
			const now = new Date();
			await tx
				.update(emailChanges)
				.set({ usedAt: now })
				.where(eq(emailChanges.tokenHash, hashToken(token)));
			await tx.update(people).set({ email: row.newEmail, updatedAt: now }).where(eq(people.id, row.personId));
			await endAccessAfterEmailChange(tx, { personId: row.personId, name: row.name, oldEmail: row.oldEmail });
			await recordAudit(tx, {
				organizerId: await findHomeOrganizerId(tx, row.personId),
				actorId: row.personId,
				action: 'person.update',
				entityType: 'person',
				entityId: row.personId,
				changes: { email: [row.oldEmail, row.newEmail] }
			});
			return { email: row.newEmail };
		});
		deliverOutboxLater(db);
		return done;
	} catch (e) {
		if (isUniqueViolation(e)) throw new AppError('INVALID', 'e-mail taken', [{ field: 'token', message: 'identity_error_address_taken' }]);
		throw e;
	}
}
