import path from 'node:path';
import fs from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';
import * as schema from './schema';
import { logServerError } from '../http/log-server-error';

/** The database handle every domain function takes; a transaction is one too. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DbHandle = {
	db: Db;
	migrate: () => Promise<void>;
	close: () => Promise<void>;
} &
	/** 'pglite' (embedded) or 'postgres' (DATABASE_URL); the raw client is for the job queue (pg-boss), nothing else. */
	({ kind: 'pglite'; client: PGlite } | { kind: 'postgres'; client: Pool });

export const MIGRATIONS_FOLDER = path.resolve('drizzle');

/** Any fixed number: the key of the advisory lock that lets one server at a time migrate a PostgreSQL database. */
const MIGRATION_LOCK = 7_240_311;

/**
 * Runs `run` (the migrations) while holding a session advisory lock on its own connection: servers started at the
 * same moment would otherwise both apply the same migration and one would fail. The next one waits, then finds
 * nothing left to do. Its own connection, not the pool's, so a pool of one cannot wait on itself.
 */
async function migrateAlone(url: string, run: () => Promise<void>): Promise<void> {
	const { default: pg } = await import('pg');
	const lock = new pg.Client({ connectionString: url });
	await lock.connect();
	try {
		await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
		await run();
	} finally {
		await lock.end().catch(() => undefined); // ending the session releases the lock
	}
}

/**
 * The one place that chooses the database: a PostgreSQL URL gives a `pg` pool,
 * otherwise PGlite stores its files in `dataDir` (or memory when dataDir is 'memory://').
 */
export async function openDatabase(opts: {
	url?: string;
	dataDir: string;
	poolSize?: number;
	/** PGlite only: start from this dump (`dumpDataDir`) of a database, e.g. the tests' migrated template. */
	loadDataDir?: Blob;
}): Promise<DbHandle> {
	if (opts.url) {
		const { PreparingPool } = await import('./preparing-pool');
		const { drizzle } = await import('drizzle-orm/node-postgres');
		const { migrate } = await import('drizzle-orm/node-postgres/migrator');
		// A few connections per process (DATABASE_POOL_SIZE, default 4): with 20 concurrent pages, 20 connections
		// each kept a PostgreSQL process busy and they crowded the cores; 3–4 served as many pages with less database
		// CPU (decision 013). No code holds a connection while waiting for another, so a small pool cannot deadlock.
		// Reports group tens of thousands of rows: 32 MB lets those sorts stay in memory. No JIT compilation: our
		// statements run for milliseconds to a second, and compiling one the planner prices high cost more than it
		// saved (the OLA count: 350 ms of LLVM inlining for a 450 ms statement; decision 077). No parallel workers: with
		// many requests at once they take the cores from the other requests, and the queue's search, the follow-up
		// view and the board report all measured faster without them (decision 078).
		const pool = new PreparingPool({
			connectionString: opts.url,
			max: opts.poolSize ?? 4,
			options: '-c work_mem=32MB -c jit=off -c max_parallel_workers_per_gather=0'
		});
		// An idle connection the server drops (restart, failover, a dropped test database) must not crash the process.
		pool.on('error', (e) => {
			// Rate-limited and without parameters: a stopped server makes every idle connection say so (decision 017).
			if ((e as { code?: string }).code !== '57P01') logServerError(e, { context: 'PostgreSQL connection error' });
		});
		const db = drizzle({ client: pool, schema }) as unknown as Db;
		return {
			db,
			kind: 'postgres',
			client: pool,
			migrate: () => migrateAlone(opts.url!, () => migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER })),
			close: () => pool.end()
		};
	}
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const { migrate } = await import('drizzle-orm/pglite/migrator');
	if (!opts.dataDir.startsWith('memory://')) fs.mkdirSync(opts.dataDir, { recursive: true });
	// btree_gin: search_documents' index scoped by organizer and kind (decision 076) needs it to write and to search.
	const { btree_gin } = await import('@electric-sql/pglite/contrib/btree_gin');
	const client = new PGlite(opts.dataDir, { loadDataDir: opts.loadDataDir, extensions: { btree_gin } });
	const db = drizzle({ client, schema }) as unknown as Db;
	return {
		db,
		kind: 'pglite',
		client,
		migrate: () => migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
		close: () => client.close()
	};
}
