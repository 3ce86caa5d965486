// Covers: PreparingPool, openDatabase's session settings on PostgreSQL.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PreparingPool } from './preparing-pool';
import { openDatabase } from '.';
import { rowsOf } from './rows';

// The embedded database has no connection pool; this runs in the PostgreSQL pass of the db tier.
describe.skipIf(!process.env.TEST_DATABASE_URL)('PreparingPool on PostgreSQL', () => {
	it('prepares a repeated read once per connection and answers it as before; writes stay unnamed', async () => {
		const pool = new PreparingPool({ connectionString: process.env.TEST_DATABASE_URL, max: 1 });
		try {
			const read = { text: 'select $1::int + 1 as n', rowMode: undefined };
			const first = await pool.query(read as never, [1] as never);
			const second = await pool.query(read as never, [41] as never);
			expect([(first as { rows: { n: number }[] }).rows[0].n, (second as { rows: { n: number }[] }).rows[0].n]).toEqual([2, 42]);
			await pool.query({ text: 'create temporary table t (n int)' } as never, [] as never);
			await pool.query({ text: 'insert into t values ($1)' } as never, [7] as never);
			const prepared = (await pool.query({ text: 'select statement from pg_prepared_statements where $1' } as never, [true] as never)) as {
				rows: { statement: string }[];
			};
			const statements = prepared.rows.map((r) => r.statement).sort();
			expect(statements).toEqual(['select $1::int + 1 as n', 'select statement from pg_prepared_statements where $1']);
		} finally {
			await pool.end();
		}
	});

	it("runs the app's sessions without JIT or parallel workers and with room for reports' sorts (decisions 077, 078)", async () => {
		const handle = await openDatabase({ url: process.env.TEST_DATABASE_URL, dataDir: 'memory://', poolSize: 1 });
		try {
			const [row] = rowsOf<{ jit: string; work_mem: string; workers: string }>(
				await handle.db.execute(
					sql`SELECT current_setting('jit') AS jit, current_setting('work_mem') AS work_mem, current_setting('max_parallel_workers_per_gather') AS workers`
				)
			);
			expect(row).toEqual({ jit: 'off', work_mem: '32MB', workers: '0' });
		} finally {
			await handle.close();
		}
	});
});
