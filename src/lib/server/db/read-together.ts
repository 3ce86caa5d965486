import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from './index';

/**
 * Runs independent reads: side by side on a pool (each takes its own connection), one after another
 * inside a transaction. A transaction is one connection, and `pg` refuses a query sent while another
 * is still running on it (deprecated in pg 8, an error in pg 9).
 */
export async function readTogether<T extends (() => unknown)[]>(
	db: Db,
	reads: [...T]
): Promise<{ [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
	if (!(db instanceof PgTransaction)) return Promise.all(reads.map((read) => read())) as never;
	const out: unknown[] = [];
	for (const read of reads) out.push(await read());
	return out as never;
}
