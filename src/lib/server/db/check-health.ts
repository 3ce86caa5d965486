import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from './index';
import { MIGRATIONS_FOLDER } from './index';

/** What /healthz reports. `ok` is false when a load balancer should send requests elsewhere. */
export type Health = {
	ok: boolean;
	database: 'ok' | 'unreachable';
	migrations: 'current' | 'behind' | 'unknown';
	jobs: string;
};

/** The newest migration this build ships (drizzle's journal, in milliseconds like the migrations table). */
export function latestShippedMigration(folder = MIGRATIONS_FOLDER): number {
	const journal = JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
	return Math.max(0, ...journal.entries.map((e) => e.when));
}

/** Rejects after `ms`: a database that does not answer (a dropped network) must not hold the health check. */
const within = <T>(ms: number, p: Promise<T>) =>
	Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('health check timed out')), ms).unref())]);

/**
 * Whether this server can serve: the database answers, every migration this build ships is applied (drizzle's
 * migrator records the newest one's timestamp), and the background jobs are not `failed` (`off` and `starting` are fine:
 * a node may run without jobs, and the first start takes a few seconds). Never throws and says nothing secret.
 */
export async function checkHealth(db: Db, jobs: string, opts: { timeoutMs?: number; latest?: number } = {}): Promise<Health> {
	let database: Health['database'] = 'ok';
	let migrations: Health['migrations'] = 'unknown';
	try {
		const rows = await within(
			opts.timeoutMs ?? 3000,
			db.execute<{ latest: string | number | null }>(sql`select max(created_at) as latest from drizzle.__drizzle_migrations`)
		);
		const list = (Array.isArray(rows) ? rows : (rows as { rows: { latest: string | number | null }[] }).rows) ?? [];
		const applied = Number(list[0]?.latest ?? 0);
		migrations = applied >= (opts.latest ?? latestShippedMigration()) ? 'current' : 'behind';
	} catch {
		database = 'unreachable';
	}
	return { ok: database === 'ok' && migrations === 'current' && jobs !== 'failed', database, migrations, jobs };
}
