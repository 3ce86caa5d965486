// Covers: openDatabase.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './index';

/** Servers started at the same moment on an empty PostgreSQL database (decision 017); PGlite has one process. */
const url = process.env.TEST_DATABASE_URL;

async function admin(text: string) {
	const c = new pg.Client({ connectionString: url });
	await c.connect();
	try {
		await c.query(text);
	} finally {
		await c.end();
	}
}

describe.skipIf(!url)('migrating one PostgreSQL database from several servers at once', () => {
	it('applies every migration once, the others waiting and then finding nothing to do', async () => {
		const name = `rodtrad_migrate_${randomBytes(5).toString('hex')}`;
		await admin(`CREATE DATABASE ${name}`);
		const u = new URL(url!);
		u.pathname = `/${name}`;
		const handles = await Promise.all([1, 2, 3].map(() => openDatabase({ url: u.toString(), dataDir: '', poolSize: 1 })));
		try {
			await Promise.all(handles.map((h) => h.migrate()));
			const c = new pg.Client({ connectionString: u.toString() });
			await c.connect();
			const { rows } = await c.query('select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash');
			await c.end();
			expect(rows.length).toBeGreaterThan(5);
			expect(rows.every((r) => r.n === 1)).toBe(true);
		} finally {
			await Promise.all(handles.map((h) => h.close()));
			await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		}
	});
});
