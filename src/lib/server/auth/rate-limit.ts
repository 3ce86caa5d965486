import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { rowsOf } from '../db/rows';

/**
 * Counts one hit on `key` in a fixed window and says whether the limit is passed.
 * The counter lives in the database so every app node agrees.
 */
export async function hitRateLimit(db: Db, key: string, limit: number, windowSeconds: number) {
	const result = await db.execute(sql`
		INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, now(), 1)
		ON CONFLICT (key) DO UPDATE SET
			count = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE rate_limits.count + 1 END,
			window_start = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE rate_limits.window_start END
		RETURNING count`);
	const count = Number(rowsOf<{ count: number }>(result)[0].count);
	return { count, limited: count > limit };
}

/** Whether `key` is already over its limit, without counting a hit. */
export async function isRateLimited(db: Db, key: string, limit: number, windowSeconds: number) {
	const result = await db.execute(sql`
		SELECT count FROM rate_limits
		WHERE key = ${key} AND window_start >= now() - make_interval(secs => ${windowSeconds})`);
	const row = rowsOf<{ count: number }>(result)[0];
	return row ? Number(row.count) >= limit : false;
}

export async function clearRateLimit(db: Db, key: string) {
	await db.execute(sql`DELETE FROM rate_limits WHERE key = ${key}`);
}
