import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db';
import { apiTokens } from '../../../db/schema';
import { AppError } from '../../../errors';
import type { Actor } from '../../../policies';
import { hashToken } from '../../../auth/tokens';
import { loadActor } from '../../../auth/load-actor';
import { rowsOf } from '../../../db/rows';

/** Who a request with a token acts as, where, and with which scopes. */
export type ApiCaller = { tokenId: string; kind: 'personal' | 'organizer'; organizerId: string; scopes: string[]; actor: Actor };

/**
 * The actor an organizer token acts as: the organizer's administration (an organizer-wide administrator there
 * and nowhere else), named after the token. Writes are attributed to the administrator who made the token
 * (decision 052), and the token works only while they are still an administrator there; scopes limit what it may do.
 */
function organizerActor(token: { name: string; createdById: string; organizerId: string }): Actor {
	return {
		personId: token.createdById,
		name: `API: ${token.name}`,
		assignments: [{ organizerId: token.organizerId, unitId: null, role: 'org_admin' }],
		teamIds: [],
		servedOrganizerIds: []
	};
}

/**
 * A personal token's actor: the person as they are today (roles in force, active), at the token's organizer
 * only, so it never carries more than they have there. Null when the person is gone or has no role left.
 */
async function personalActor(db: Db, personId: string, organizerId: string): Promise<Actor | null> {
	const actor = await loadActor(db, personId);
	if (!actor) return null;
	const assignments = actor.assignments.filter((a) => a.organizerId === organizerId);
	const served = (actor.servedOrganizerIds ?? []).filter((id) => id === organizerId);
	if (!assignments.length && !served.length) return null;
	return { ...actor, assignments, servedOrganizerIds: served };
}

/**
 * Whether the administrator who made an organizer token still is one there today (active, the role in force): a token
 * must not outlive its maker's right to make it. Otherwise the token stops, as a personal token does.
 */
async function stillAdministers(db: Db, personId: string, organizerId: string): Promise<boolean> {
	const maker = await loadActor(db, personId);
	return !!maker && maker.assignments.some((a) => a.organizerId === organizerId && a.unitId === null && a.role === 'org_admin');
}

/**
 * The caller of a request by its `Authorization: Bearer` secret. UNAUTHENTICATED for a missing, unknown, expired or
 * revoked token (one answer for all, so nothing is learned about a token by guessing); stamps last_used_at.
 */
export async function authenticateApiToken(db: Db, authorization: string | null, now = new Date()): Promise<ApiCaller> {
	const secret = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
	if (!secret || secret.length > 200) throw new AppError('UNAUTHENTICATED', 'api_token');
	const [token] = await db
		.select()
		.from(apiTokens)
		.where(and(eq(apiTokens.tokenHash, hashToken(secret)), isNull(apiTokens.revokedAt)));
	if (!token || (token.expiresAt && token.expiresAt <= now)) throw new AppError('UNAUTHENTICATED', 'api_token');
	const actor =
		token.kind === 'personal' && token.personId
			? await personalActor(db, token.personId, token.organizerId)
			: (await stillAdministers(db, token.createdById, token.organizerId))
				? organizerActor(token)
				: null;
	if (!actor) throw new AppError('UNAUTHENTICATED', 'api_token');
	await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, token.id));
	return { tokenId: token.id, kind: token.kind as ApiCaller['kind'], organizerId: token.organizerId, scopes: token.scopes, actor };
}

/**
 * Counts one request of the token in a fixed window (the shared rate_limits table, so every app node agrees).
 * Over the limit: RATE_LIMITED, with the seconds until the window ends in `retryAfter`.
 */
export async function hitApiRateLimit(db: Db, tokenId: string, limit: number, windowSeconds = 60) {
	const result = await db.execute(sql`
		INSERT INTO rate_limits (key, window_start, count) VALUES (${`api:${tokenId}`}, now(), 1)
		ON CONFLICT (key) DO UPDATE SET
			count = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE rate_limits.count + 1 END,
			window_start = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE rate_limits.window_start END
		RETURNING count, GREATEST(1, CEIL(EXTRACT(EPOCH FROM (rate_limits.window_start + make_interval(secs => ${windowSeconds}) - now())))) AS retry_after`);
	const row = rowsOf<{ count: number; retry_after: number | string }>(result)[0];
	const count = Number(row.count);
	const retryAfter = Math.max(1, Number(row.retry_after) || windowSeconds);
	if (count > limit) throw Object.assign(new AppError('RATE_LIMITED', 'api_rate_limited'), { retryAfter });
	return { count, remaining: limit - count };
}
