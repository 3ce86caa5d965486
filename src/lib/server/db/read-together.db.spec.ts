// Covers: readTogether, rowsOf.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { readTogether } from './read-together';
import type { Db } from './index';
import { rowsOf } from './rows';

const t = useTestDatabase();

describe('readTogether', () => {
	it('returns each read’s result in order, on the pool and inside a transaction', async () => {
		const one = (db: Db, n: number) => () => db.execute(sql`SELECT ${n}::int AS n`).then((r) => rowsOf<{ n: number }>(r)[0].n);
		expect(await readTogether(t.db, [one(t.db, 1), one(t.db, 2)])).toEqual([1, 2]);
		const inTx = await t.db.transaction((tx) => readTogether(tx, [one(tx, 3), one(tx, 4), one(tx, 5)]));
		expect(inTx).toEqual([3, 4, 5]);
	});

	it('in a transaction, starts a read only when the one before has finished', async () => {
		const log: string[] = [];
		const read = (name: string) => async () => {
			log.push(`start ${name}`);
			await new Promise((r) => setTimeout(r, 5));
			log.push(`end ${name}`);
			return name;
		};
		await t.db.transaction((tx) => readTogether(tx, [read('a'), read('b')]));
		expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
		log.length = 0;
		await readTogether(t.db, [read('a'), read('b')]);
		expect(log).toEqual(['start a', 'start b', 'end a', 'end b']);
	});
});
