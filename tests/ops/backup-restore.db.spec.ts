// Covers: loadDemo, BackupError, backupDatabase, backupKind, restoreDatabase.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '../../src/lib/server/db';
import { loadDemo } from '../../src/lib/server/demo';
import { createTestDatabase } from '../db';
import { BackupError, backupDatabase, backupKind, restoreDatabase } from '../../scripts/backup-lib.js';
import { tableChecksums } from './table-checksums';

/**
 * npm run backup → npm run restore of the demo, row for row, on the database this tier runs on: PGlite by default,
 * PostgreSQL when TEST_DATABASE_URL is set (scripts/test-postgres.sh). One demo load per run (it takes a while).
 */
const serverUrl = process.env.TEST_DATABASE_URL;
const dir = mkdtempSync(path.join(tmpdir(), 'rodtrad-backup-'));
const withDatabase = (url: string, name: string) => {
	const u = new URL(url);
	u.pathname = `/${name}`;
	return u.toString();
};
async function adminQuery(text: string) {
	const c = new pg.Client({ connectionString: serverUrl });
	await c.connect();
	try {
		await c.query(text);
	} finally {
		await c.end();
	}
}

/** The source (the demo) and what the backup and restore need to reach it. */
let source: { handle: DbHandle; url?: string; dataDir: string };
type Target = { url?: string; dataDir: string; name?: string };
const targets: Target[] = [];

beforeAll(async () => {
	if (serverUrl) {
		const handle = await createTestDatabase();
		const name = (await handle.db.execute<{ db: string }>('select current_database() as db' as never)) as unknown as {
			rows: { db: string }[];
		};
		source = { handle, url: withDatabase(serverUrl, name.rows[0].db), dataDir: '' };
	} else {
		const dataDir = path.join(dir, 'source');
		const handle = await openDatabase({ dataDir });
		await handle.migrate();
		source = { handle, dataDir };
	}
	await loadDemo(source.handle.db);
	// PGlite's folder belongs to one process at a time: the backup opens it itself, as `npm run backup` does.
	if (!serverUrl) await source.handle.close();
}, 420_000);

afterAll(async () => {
	if (serverUrl) {
		await source.handle.close();
		for (const t of targets) if (t.name) await adminQuery(`DROP DATABASE IF EXISTS ${t.name} WITH (FORCE)`);
	}
	rmSync(dir, { recursive: true, force: true });
});

/** A new, empty target: a fresh database on the server, or a folder that does not exist yet. */
async function emptyTarget(): Promise<Target> {
	if (serverUrl) {
		const name = `rodtrad_restore_${randomBytes(5).toString('hex')}`;
		await adminQuery(`CREATE DATABASE ${name}`);
		const t: Target = { url: withDatabase(serverUrl, name), dataDir: '', name };
		targets.push(t);
		return t;
	}
	const t: Target = { dataDir: path.join(dir, `restored-${targets.length}`) };
	targets.push(t);
	return t;
}

async function checksumsOf(t: { url?: string; dataDir: string }) {
	const h = await openDatabase({ url: t.url, dataDir: t.dataDir });
	try {
		return await tableChecksums(h.db);
	} finally {
		await h.close();
	}
}

describe(`backing up and restoring the demo (${serverUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
	const file = path.join(dir, serverUrl ? 'demo.dump' : 'demo.tar.gz');

	it('restores into an empty target every table with exactly the rows it had', async () => {
		const kind = await backupDatabase({ url: source.url, dataDir: source.dataDir, file });
		expect(kind).toBe(serverUrl ? 'postgres' : 'pglite');
		expect(backupKind(file)).toBe(kind);

		const target = await emptyTarget();
		await restoreDatabase({ url: target.url, dataDir: target.dataDir, file });

		const before = await checksumsOf(source);
		const after = await checksumsOf(target);
		expect(Object.keys(before).length).toBeGreaterThan(20);
		expect(before['public.people'].rows).toBeGreaterThan(300);
		expect(before['public.tickets'].rows).toBeGreaterThanOrEqual(5000);
		expect(after).toEqual(before);
	}, 420_000);

	it('refuses to restore over a target that holds data, and leaves it as it was', async () => {
		const before = await checksumsOf(source);
		await expect(restoreDatabase({ url: source.url, dataDir: source.dataDir, file })).rejects.toThrow(/inte tom/);
		expect(await checksumsOf(source)).toEqual(before);
	}, 120_000);

	it('refuses a file that is no backup, and a backup of the other kind of database', async () => {
		const junk = path.join(dir, 'junk.txt');
		writeFileSync(junk, 'not a backup');
		const target = await emptyTarget();
		await expect(restoreDatabase({ url: target.url, dataDir: target.dataDir, file: junk })).rejects.toThrow(BackupError);
		const other: Target = serverUrl ? { dataDir: path.join(dir, 'never') } : { url: 'postgres://nobody@127.0.0.1:1/none', dataDir: '' };
		await expect(restoreDatabase({ ...other, file })).rejects.toThrow(serverUrl ? /PostgreSQL-säkerhetskopia/ : /inbäddade databasen/);
	});
});
