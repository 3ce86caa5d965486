import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../db';
import { emailChanges, passwordCredentials, people } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError, type FieldIssue } from '../errors';
import { env } from '../env';
import { authorize, type Actor } from '../policies';
import { findHomeOrganizerId } from '../auth/home-organizer';
import { verifyPassword } from '../auth/password';
import { hitRateLimit, isRateLimited } from '../auth/rate-limit';
import { hashToken, newToken } from '../auth/tokens';
import { sendMail } from '../mail/send-mail';
import { deliverOutboxLater } from '../mail/deliver-outbox-later';
import { buildAddressTakenMail, buildConfirmAddressMail } from './email-change-mails';
import { personInputSchema } from './person-input';

/** How long the link to the new address works. */
export const EMAIL_CHANGE_HOURS = 24;
/** Requests (right password or wrong) per person in an hour: each one sends a mail to an address they typed. */
const LIMIT = 5;
const WINDOW_SECONDS = 60 * 60;

export type RequestEmailChangeOptions = {
	actor: Actor | null;
	currentPassword: string;
	newEmail: string;
	/** Public site address the link starts with. */
	origin?: string;
};

/**
 * A signed-in person asks to sign in with another address (decision 018). Their password must be right (a
 * session left open is not enough). Nothing changes yet: the new address gets a one-time link (a sensitive
 * mail, never readable in an outbox), and the change happens when it is opened (`confirmEmailChange`). An
 * address that already signs someone in gets a short notice instead, and the person asking sees the same
 * answer, so the form cannot be used to find out which addresses have accounts. A newer request replaces
 * an older one. Audited as person.email_change_requested (without the address).
 */
export async function requestEmailChange(db: Db, opts: RequestEmailChangeOptions): Promise<void> {
	if (!opts.actor) throw new AppError('UNAUTHENTICATED', 'not signed in');
	const personId = opts.actor.personId;
	authorize(opts.actor, 'identity.manage', { type: 'identity', personId, organizerIds: [], systemAdmin: false });
	const limitKey = `email-change:${personId}`;
	if (await isRateLimited(db, limitKey, LIMIT, WINDOW_SECONDS)) {
		throw new AppError('RATE_LIMITED', 'too many attempts', [{ field: 'currentPassword', message: 'identity_error_change_rate_limited' }]);
	}
	await hitRateLimit(db, limitKey, LIMIT, WINDOW_SECONDS);

	const issues: FieldIssue[] = [];
	const parsed = personInputSchema.pick({ email: true }).safeParse({ email: opts.newEmail.normalize('NFC') });
	if (!parsed.success) issues.push({ field: 'newEmail', message: parsed.error.issues[0].message });
	const [me] = await db
		.select({ name: people.name, email: people.email, hash: passwordCredentials.hash })
		.from(people)
		.leftJoin(passwordCredentials, eq(passwordCredentials.personId, people.id))
		.where(eq(people.id, personId));
	if (!me) throw new AppError('NOT_FOUND', 'no such person');
	if (!(me.hash && (await verifyPassword(me.hash, opts.currentPassword))))
		issues.unshift({ field: 'currentPassword', message: 'account_error_current_password' });
	if (parsed.success && parsed.data.email === me.email) issues.push({ field: 'newEmail', message: 'identity_error_same_email' });
	if (issues.length || !parsed.success) throw new AppError('INVALID', 'cannot change e-mail', issues);
	const newEmail = parsed.data.email;

	const token = newToken();
	await db.transaction(async (tx) => {
		const organizerId = await findHomeOrganizerId(tx, personId);
		const now = new Date();
		// An older link stops working: only the newest request counts.
		await tx
			.update(emailChanges)
			.set({ usedAt: now })
			.where(and(eq(emailChanges.personId, personId), isNull(emailChanges.usedAt)));
		const [taken] = await tx
			.select({ id: people.id })
			.from(people)
			.where(and(eq(people.email, newEmail), ne(people.id, personId)));
		if (taken) {
			await sendMail(tx, { organizerId: null, to: newEmail, ...buildAddressTakenMail() });
		} else {
			const expiresAt = new Date(now.getTime() + EMAIL_CHANGE_HOURS * 3_600_000);
			await tx.insert(emailChanges).values({ tokenHash: hashToken(token), personId, newEmail, expiresAt });
			const link = `${(opts.origin ?? env.ORIGIN).replace(/\/$/, '')}/konto/ny-adress/${token}`;
			await sendMail(tx, {
				organizerId: null,
				to: newEmail,
				sensitive: true,
				...buildConfirmAddressMail({ name: me.name, link, hours: EMAIL_CHANGE_HOURS })
			});
		}
		await recordAudit(tx, {
			organizerId,
			actorId: personId,
			action: 'person.email_change_requested',
			entityType: 'person',
			entityId: personId,
			changes: {}
		});
	});
	deliverOutboxLater(db);
}
