import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { passwordCredentials, people } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { dummyHash, verifyPassword } from './password';
import { hitRateLimit, isRateLimited, clearRateLimit } from './rate-limit';

export type SignInOptions = {
	email: string;
	password: string;
	ip: string;
	limits: { perAccount: number; perIp: number };
};

const WINDOW_SECONDS = 15 * 60;

/**
 * Checks an e-mail and password. The error never says whether the account exists.
 * Failed attempts count per account and per IP; a locked account says so plainly.
 */
export async function signInWithPassword(db: Db, opts: SignInOptions): Promise<{ personId: string }> {
	const email = opts.email.trim().toLowerCase();
	const accountKey = `login:account:${email}`;
	const ipKey = `login:ip:${opts.ip}`;
	if (
		(await isRateLimited(db, accountKey, opts.limits.perAccount, WINDOW_SECONDS)) ||
		(await hitRateLimit(db, ipKey, opts.limits.perIp, WINDOW_SECONDS)).limited
	) {
		throw new AppError('RATE_LIMITED', 'too many attempts');
	}
	const [row] = await db
		.select({ id: people.id, status: people.status, hash: passwordCredentials.hash })
		.from(people)
		.leftJoin(passwordCredentials, eq(passwordCredentials.personId, people.id))
		.where(eq(people.email, email));
	const ok = row?.hash ? await verifyPassword(row.hash, opts.password) : await verifyPassword(await dummyHash(), opts.password).then(() => false);
	if (!row || !ok || row.status !== 'active') {
		await hitRateLimit(db, accountKey, opts.limits.perAccount, WINDOW_SECONDS);
		await recordAudit(db, {
			organizerId: null,
			actorId: row?.id ?? null,
			action: 'session.failed',
			entityType: 'session',
			changes: { email }
		});
		throw new AppError('UNAUTHENTICATED', 'wrong email or password');
	}
	await clearRateLimit(db, accountKey);
	await recordAudit(db, { organizerId: null, actorId: row.id, action: 'session.create', entityType: 'session', changes: { method: 'password' } });
	return { personId: row.id };
}
