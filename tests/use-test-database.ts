import { afterAll, beforeAll } from 'vitest';
import type { Db, DbHandle } from '../src/lib/server/db';
import { createTestDatabase } from './db';

/**
 * One fresh database for the spec file: `const t = useTestDatabase();` then `t.db` inside tests.
 * Replaces the createTestDatabase / beforeAll / afterAll block every db spec used to repeat.
 */
export function useTestDatabase(): { readonly db: Db } {
	let h: DbHandle | undefined;
	beforeAll(async () => {
		h = await createTestDatabase();
	});
	afterAll(async () => {
		await h?.close();
	});
	return {
		get db() {
			if (!h) throw new Error('useTestDatabase: the database is opened in beforeAll');
			return h.db;
		}
	};
}
