import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db';
import { passwordResets, people } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { env } from '../env';
import { sendMail } from '../mail/send-mail';
import { findHomeOrganizerId } from './home-organizer';
import { hitRateLimit } from './rate-limit';
import { buildResetMail } from './reset-mail';
import { hashToken, newToken } from './tokens';
import { MAX_EMAIL_LENGTH } from './normalize-email';
import { deliverOutboxLater } from '../mail/deliver-outbox-later';

export const requestResetSchema = z.object({
	email: z
		.string()
		.max(MAX_EMAIL_LENGTH * 4, 'error_too_long')
		// As normalizeEmail: NFC, trimmed, lower-case, at most MAX_EMAIL_LENGTH.
		.transform((v) => v.normalize('NFC').trim().toLowerCase())
		.pipe(z.string().max(MAX_EMAIL_LENGTH, 'error_too_long').email('error_email'))
});

export type RequestPasswordResetOptions = {
	email: string;
	ip: string;
	/** Public site address the link starts with. */
	origin?: string;
	/** How long the link works. */
	validMinutes?: number;
	/** Requests allowed per e-mail address and per IP address in one hour. */
	limits?: { perEmail: number; perIp: number };
};

type IssueOptions = { email: string; origin?: string; validMinutes?: number };

export const RESET_REQUEST_LIMITS = { perEmail: 3, perIp: 20 };
const WINDOW_SECONDS = 60 * 60;

/**
 * Asks for a password-reset link. Anonymous, so there is no actor to authorize; the answer is
 * the same whether or not the address has an account, so nobody can probe for accounts.
 * Here, awaited: the address is checked and the request counted per e-mail and per IP, whether or
 * not the account exists. Then, in `issued`, which the caller need not wait for (the sign-in pages do not,
 * so an existing account answers as fast as an unknown one): for an active person, the hash of a one-time
 * token and the mail (sensitive, to the outbox of the person's home organizer) in one transaction, audited
 * as password.reset_requested, and the outbox is sent. `issued` never rejects; a failure is logged, and the
 * person can ask again.
 */
export async function requestPasswordReset(db: Db, opts: RequestPasswordResetOptions): Promise<{ issued: Promise<void> }> {
	const parsed = requestResetSchema.safeParse({ email: opts.email });
	if (!parsed.success) throw new AppError('INVALID', 'invalid e-mail', [{ field: 'email', message: parsed.error.issues[0].message }]);
	const { email } = parsed.data;
	const limits = opts.limits ?? RESET_REQUEST_LIMITS;
	const byEmail = await hitRateLimit(db, `reset:email:${email}`, limits.perEmail, WINDOW_SECONDS);
	const byIp = await hitRateLimit(db, `reset:ip:${opts.ip.slice(0, 100)}`, limits.perIp, WINDOW_SECONDS);
	if (byEmail.limited || byIp.limited)
		throw new AppError('RATE_LIMITED', 'too many reset requests', [{ field: 'email', message: 'account_reset_rate_limited' }]);
	const issued = issuePasswordReset(db, { email, origin: opts.origin, validMinutes: opts.validMinutes }).then(
		(written) => {
			if (written) deliverOutboxLater(db);
		},
		(e) => console.error('password reset: the link could not be written', e)
	);
	return { issued };
}

/** The link and its mail for an active person with this (normalized) e-mail; false when there is none. */
async function issuePasswordReset(db: Db, opts: IssueOptions): Promise<boolean> {
	const { email } = opts;
	const [person] = await db
		.select({ id: people.id, name: people.name, email: people.email })
		.from(people)
		.where(and(eq(people.email, email), eq(people.status, 'active')));
	if (!person) return false;

	const minutes = opts.validMinutes ?? env.RESET_LINK_MINUTES;
	const token = newToken();
	const link = `${(opts.origin ?? env.ORIGIN).replace(/\/$/, '')}/aterstall-losenord/${token}`;
	const mail = buildResetMail({ name: person.name, link, minutes });
	await db.transaction(async (tx) => {
		const organizerId = await findHomeOrganizerId(tx, person.id);
		const expiresAt = new Date(Date.now() + minutes * 60_000);
		await tx.insert(passwordResets).values({ tokenHash: hashToken(token), personId: person.id, expiresAt });
		const { id: mailId } = await sendMail(tx, { organizerId, to: person.email, subject: mail.subject, body: mail.body, sensitive: true });
		await recordAudit(tx, {
			organizerId,
			actorId: null,
			action: 'password.reset_requested',
			entityType: 'person',
			entityId: person.id,
			changes: { mailId, expiresAt: expiresAt.toISOString() }
		});
	});
	return true;
}
