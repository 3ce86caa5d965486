import { fromPglite, PgBoss, type Db as BossDb } from 'pg-boss';
import type { DbHandle } from '../db';
import { JOBS, type JobDefinition } from './definitions';
import { logServerError } from '../http/log-server-error';

/** A started pg-boss with Rödtråd's jobs registered. */
export type JobQueue = {
	boss: PgBoss;
	/** Queues one run of a job now (on demand); the cron runs it anyway. Returns the job id. */
	send: (name: string, data?: object) => Promise<string | null>;
	stop: () => Promise<void>;
};

/**
 * pg-boss's way into our database. PostgreSQL: our `pg` pool (node-postgres returns one result per
 * statement for multi-statement text, which pg-boss unwraps). PGlite: pg-boss's own adapter, which calls
 * `query` when there are values and `exec` when there are none, returns the rows of every statement, and
 * rolls back a transaction left aborted on PGlite's single connection.
 */
export function bossDatabase(handle: DbHandle): BossDb {
	if (handle.kind === 'pglite') return fromPglite(handle.client);
	const pool = handle.client;
	return { executeSql: (text: string, values?: unknown[]) => pool.query(text, values) };
}

/** What PostgreSQL says when two servers create pg-boss's schema at once: duplicate key, schema, table or object. */
const INSTALL_RACE = new Set(['23505', '42P06', '42P07', '42710']);

const raceCode = (e: unknown) => {
	for (let cur = e as { code?: unknown; cause?: unknown } | undefined, i = 0; cur && i < 5; cur = cur.cause as typeof cur, i++) {
		if (typeof cur.code === 'string' && INSTALL_RACE.has(cur.code)) return true;
	}
	return false;
};

/**
 * Starts pg-boss, trying again when another server was installing its schema at the same moment (seen in the
 * two-server test: "duplicate key … pg_namespace_nspname_index"); the next try finds the schema there.
 */
async function startBoss(make: () => PgBoss, attempts = 4): Promise<PgBoss> {
	for (let i = 1; ; i++) {
		const boss = make();
		try {
			await boss.start();
			return boss;
		} catch (e) {
			await boss.stop({ graceful: false }).catch(() => undefined);
			if (i >= attempts || !raceCode(e)) throw e;
			await new Promise((r) => setTimeout(r, 300 * i));
		}
	}
}

/**
 * Starts pg-boss on the app's database (installing or migrating its schema `pgboss` the first time),
 * creates one queue per job (policy `stately`: at most one waiting and one running), starts a worker for
 * each and, unless `schedule` is false, schedules them by cron. Stop it with `stop()`.
 */
export async function startJobQueue(
	handle: DbHandle,
	opts: { jobs?: readonly JobDefinition[]; schedule?: boolean; pollingIntervalSeconds?: number } = {}
): Promise<JobQueue> {
	const jobs = opts.jobs ?? JOBS;
	const boss = await startBoss(() => {
		const b = new PgBoss({
			db: bossDatabase(handle),
			...(handle.kind === 'pglite' ? { backend: 'pglite' as const } : {}),
			schedule: opts.schedule ?? true
		});
		// While the database is away pg-boss fails every poll: one line a minute per kind (decision 017).
		b.on('error', (e) => logServerError(e, { context: 'jobs' }));
		return b;
	});
	try {
		for (const job of jobs) {
			if (!(await boss.getQueue(job.name))) {
				// Another node may create it at the same moment; then it exists, which is all we need.
				await boss
					.createQueue(job.name, { policy: 'stately', retryLimit: 3, retryBackoff: true, expireInSeconds: 900 })
					.catch(async (e) => {
						if (!(await boss.getQueue(job.name))) throw e;
					});
			}
			await boss.work(job.name, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 10 }, async () => {
				await job.run(handle.db, new Date());
			});
			if (opts.schedule ?? true) await boss.schedule(job.name, job.cron, null, { tz: 'Europe/Stockholm' });
		}
	} catch (e) {
		// Half started (the database went away while queues were created): stop it, so a later try starts clean.
		await boss.stop({ graceful: false }).catch(() => undefined);
		throw e;
	}
	return {
		boss,
		send: (name, data) => boss.send(name, data ?? null),
		stop: () => boss.stop({ graceful: true, timeout: 10_000 })
	};
}
