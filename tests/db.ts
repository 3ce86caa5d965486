import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DbHandle } from '../src/lib/server/db';

export const TEMPLATE_DB = 'rodtrad_test_template';

function withDatabase(url: string, name: string) {
	const u = new URL(url);
	u.pathname = `/${name}`;
	return u.toString();
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default,
 * or a new database on the server named by TEST_DATABASE_URL (copied from a
 * template the global setup migrated once).
 */
export async function createTestDatabase(): Promise<DbHandle> {
	const url = process.env.TEST_DATABASE_URL;
	if (!url) {
		// Loading the template the global setup migrated and dumped once takes ~1 s; migrating each file's own took ~5 s.
		const template = inject('pgliteTemplate');
		if (template) return openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([await readFile(template)]) });
		const h = await openDatabase({ dataDir: 'memory://' });
		await h.migrate();
		return h;
	}
	const name = `rodtrad_test_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	try {
		await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
	} finally {
		await admin.end();
	}
	const h = await openDatabase({ url: withDatabase(url, name), dataDir: '' });
	return {
		...h,
		close: async () => {
			await h.close();
			const c = new pg.Client({ connectionString: url });
			await c.connect();
			await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await c.end();
		}
	};
}

/** Global setup for the db tier on PGlite: migrate one in-memory database and dump it to `path`. */
export async function preparePgliteTemplate(path: string) {
	const h = await openDatabase({ dataDir: 'memory://' });
	await h.migrate();
	if (h.kind !== 'pglite') throw new Error('preparePgliteTemplate: PGlite only');
	const dump = await h.client.dumpDataDir('none');
	await writeFile(path, Buffer.from(await dump.arrayBuffer()));
	await h.close();
}

/** Global setup for the db tier on a real server: migrate the template once. */
export async function prepareTemplate(url: string) {
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
	await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
	await admin.end();
	const h = await openDatabase({ url: withDatabase(url, TEMPLATE_DB), dataDir: '' });
	await h.migrate();
	await h.close();
}
