import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { passwordCredentials, people, twoFactorSecrets } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { normalizeEmail } from './normalize-email';
import { dummyHash, verifyPassword } from './password';
import { hitRateLimit, isRateLimited, clearRateLimit } from './rate-limit';
import { isPasswordAllowedFor } from './sso/password-policy';

export type SignInLimits = {
	/** Failed sign-ins per account from one address (default: perAccount). */
	perAccountAndIp?: number;
	/** Failed sign-ins per account from all addresses together. */
	perAccount: number;
	/** Failed sign-ins per address, all accounts together. */
	perIp: number;
};

export type SignInOptions = {
	email: string;
	password: string;
	ip: string;
	limits: SignInLimits;
};

export const WINDOW_SECONDS = 15 * 60;

/** The three failure counters of a sign-in (decision 016); the second step counts its wrong codes in them too (019). */
export function signInCounters(email: string, ip: string, limits: SignInLimits) {
	return [
		{ key: `login:account-ip:${email}:${ip.slice(0, 100)}`, limit: limits.perAccountAndIp ?? limits.perAccount },
		{ key: `login:account:${email}`, limit: limits.perAccount },
		{ key: `login:ip:${ip.slice(0, 100)}`, limit: limits.perIp }
	];
}

/**
 * Checks an e-mail and password. The error never says whether the account exists.
 * Only failures count (a school behind one address signs in hundreds of pupils), in three counters:
 * per account and address, per account, and per address. Once one of them is full, every attempt it
 * covers is refused as RATE_LIMITED, right password or not, until the window ends; a success clears
 * the account's counters. The e-mail is normalized and capped before it becomes a key.
 * With two-step verification on (decision 019) a right password only opens the second step (`secondStep`): no
 * counter is cleared until the code is right too, so knowing the password does not buy fresh guesses at codes.
 */
export async function signInWithPassword(db: Db, opts: SignInOptions): Promise<{ personId: string; secondStep: boolean }> {
	const email = normalizeEmail(opts.email);
	const ip = opts.ip.slice(0, 100);
	const ipKey = `login:ip:${ip}`;
	if (!email) {
		// Longer than any address: nothing to look up, but it is a failure from this address.
		if ((await hitRateLimit(db, ipKey, opts.limits.perIp, WINDOW_SECONDS)).limited) throw new AppError('RATE_LIMITED', 'too many attempts');
		throw new AppError('UNAUTHENTICATED', 'wrong email or password');
	}
	const counters = signInCounters(email, ip, opts.limits);
	for (const c of counters) {
		if (await isRateLimited(db, c.key, c.limit, WINDOW_SECONDS)) throw new AppError('RATE_LIMITED', 'too many attempts');
	}
	const [row] = await db
		.select({ id: people.id, status: people.status, hash: passwordCredentials.hash, twoFactorOn: twoFactorSecrets.enabledAt })
		.from(people)
		.leftJoin(passwordCredentials, eq(passwordCredentials.personId, people.id))
		.leftJoin(twoFactorSecrets, eq(twoFactorSecrets.personId, people.id))
		.where(eq(people.email, email));
	const ok = row?.hash
		? await verifyPassword(row.hash, opts.password)
		: await verifyPassword(await dummyHash(), opts.password).then(() => false);
	if (!row || !ok || row.status !== 'active') {
		for (const c of counters) await hitRateLimit(db, c.key, c.limit, WINDOW_SECONDS);
		await recordAudit(db, {
			organizerId: null,
			actorId: row?.id ?? null,
			action: 'session.failed',
			entityType: 'session',
			changes: { email }
		});
		throw new AppError('UNAUTHENTICATED', 'wrong email or password');
	}
	if (!(await isPasswordAllowedFor(db, row.id))) {
		// The right password of a person whose organizers all sign in through their own provider (decision 050):
		// saying so is no leak, the password was right.
		await recordAudit(db, {
			organizerId: null,
			actorId: row.id,
			action: 'session.failed',
			entityType: 'session',
			changes: { email, reason: 'password_off' }
		});
		throw new AppError('UNAUTHENTICATED', 'password sign-in is off', [{ field: 'email', message: 'sso_password_off' }]);
	}
	if (row.twoFactorOn) {
		await recordAudit(db, {
			organizerId: null,
			actorId: row.id,
			action: 'session.second_step',
			entityType: 'session',
			changes: { method: 'password' }
		});
		return { personId: row.id, secondStep: true };
	}
	await clearRateLimit(db, counters[0].key);
	await clearRateLimit(db, counters[1].key);
	await recordAudit(db, {
		organizerId: null,
		actorId: row.id,
		action: 'session.create',
		entityType: 'session',
		changes: { method: 'password' }
	});
	return { personId: row.id, secondStep: false };
}
