// Backup and restore of Rödtråd's database, for scripts/backup.js and scripts/restore.js (and their test).
// PGlite (no DATABASE_URL): the whole data folder as PGlite's own dump (a gzipped tar, dumpDataDir), taken
// with the folder opened by this process alone. PostgreSQL: pg_dump's custom format, one consistent snapshot
// even while the servers run; pg_restore puts it back. Decision 017.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A backup or restore that cannot go ahead; `message` is for the person at the terminal, Swedish then English. */
export class BackupError extends Error {}

/**
 * What kind of backup a file holds, from its first bytes: pg_dump's custom format or PGlite's gzipped tar.
 * @param {string} file
 * @returns {'postgres' | 'pglite' | 'unknown'}
 */
export function backupKind(file) {
	const head = readFileSync(file).subarray(0, 5);
	if (head.toString('latin1') === 'PGDMP') return 'postgres';
	if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
	return 'unknown';
}

/**
 * A PostgreSQL client program: from PGBIN, Debian's PostgreSQL 15, or the PATH.
 * @param {string} name
 * @param {NodeJS.ProcessEnv} [env]
 */
export function pgBin(name, env = process.env) {
	for (const dir of [env.PGBIN, '/usr/lib/postgresql/15/bin']) {
		if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
	}
	return name;
}

/**
 * libpq's environment for a connection URL, so the password never shows in the process list (as it would as an
 * argument). Understands `?host=/socket/dir&port=…` as node-postgres and libpq both do.
 * @param {string} url
 */
export function libpqEnv(url) {
	const u = new URL(url);
	const q = u.searchParams;
	/** @type {Record<string, string>} */
	const env = {
		PGHOST: q.get('host') ?? decodeURIComponent(u.hostname || 'localhost'),
		PGPORT: q.get('port') ?? (u.port || '5432'),
		PGDATABASE: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
		PGUSER: decodeURIComponent(u.username || 'postgres')
	};
	if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
	const sslmode = q.get('sslmode');
	if (sslmode) env.PGSSLMODE = sslmode;
	return env;
}

/**
 * @param {string} program
 * @param {string[]} args
 * @param {Record<string, string>} env
 */
function run(program, args, env) {
	const r = spawnSync(program, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
	if (r.error)
		throw new BackupError(
			`${program} kunde inte startas / could not be started: ${r.error.message}. Installera PostgreSQL:s klientprogram (t.ex. apt-get install postgresql-client-15) eller sätt PGBIN.`
		);
	if (r.status !== 0) throw new BackupError(`${path.basename(program)} misslyckades / failed:\n${r.stderr.trim()}`);
	return r.stdout;
}

const isEmptyFolder = (/** @type {string} */ dir) => !existsSync(dir) || readdirSync(dir).length === 0;

/** A PGlite folder that a running server holds (PGlite writes postmaster.pid while open and removes it on close). */
/**
 * @param {string} dataDir
 * @param {boolean} force
 */
function refuseOpenFolder(dataDir, force) {
	if (!force && existsSync(path.join(dataDir, 'postmaster.pid'))) {
		throw new BackupError(
			`Databasen i ${dataDir} verkar vara öppen: stoppa Rödtråd först (den inbäddade databasen kan bara användas av en process i taget). ` +
				`Om Rödtråd inte kör (den avslutades oväntat), kör igen med --force.\n` +
				`The database in ${dataDir} seems to be open: stop Rödtråd first. If it is not running (it ended unexpectedly), run again with --force.`
		);
	}
}

/**
 * Writes a backup of the database to `file`: pg_dump's custom format when `url` is set, otherwise PGlite's dump of
 * `dataDir`. Returns the kind written.
 * @param {{ url?: string; dataDir: string; file: string; force?: boolean }} opts
 */
export async function backupDatabase({ url, dataDir, file, force = false }) {
	mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
	if (url) {
		run(pgBin('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`], libpqEnv(url));
		return 'postgres';
	}
	if (isEmptyFolder(dataDir)) throw new BackupError(`Det finns ingen databas i ${dataDir} / there is no database in ${dataDir}.`);
	refuseOpenFolder(dataDir, force);
	const { PGlite } = await import('@electric-sql/pglite');
	const db = new PGlite(dataDir);
	try {
		// A checkpoint first, so the files in the dump hold everything committed, not only the write-ahead log.
		await db.exec('CHECKPOINT');
		const dump = await db.dumpDataDir('gzip');
		writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
	} finally {
		await db.close();
	}
	return 'pglite';
}

/** True when the PostgreSQL database has no tables, views or sequences of its own yet (a fresh `CREATE DATABASE`). */
/** @param {string} url */
async function postgresIsEmpty(url) {
	const { default: pg } = await import('pg');
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const { rows } = await client.query(
			"select count(*)::int as n from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r','p','v','m','S') and n.nspname not in ('pg_catalog','information_schema') and n.nspname not like 'pg_toast%'"
		);
		return rows[0].n === 0;
	} finally {
		await client.end();
	}
}

/**
 * Restores `file` into an empty target: the PostgreSQL database of `url`, or the folder `dataDir` for PGlite.
 * Refuses a target that holds data and a file of the other kind, with a message that says what to do.
 * @param {{ url?: string; dataDir: string; file: string }} opts
 */
export async function restoreDatabase({ url, dataDir, file }) {
	if (!file || !existsSync(file)) throw new BackupError(`Filen finns inte / no such file: ${file ?? '(ingen angiven / none given)'}`);
	const kind = backupKind(file);
	if (kind === 'unknown') throw new BackupError(`${file} är ingen säkerhetskopia från Rödtråd / is not a Rödtråd backup.`);
	if (kind === 'postgres' && !url)
		throw new BackupError(
			'Filen är en PostgreSQL-säkerhetskopia (pg_dump): sätt DATABASE_URL till en tom databas. / The file is a PostgreSQL backup: set DATABASE_URL to an empty database.'
		);
	if (kind === 'pglite' && url)
		throw new BackupError(
			'Filen är en säkerhetskopia av den inbäddade databasen: ta bort DATABASE_URL och sätt DATA_DIR till en tom mapp. / The file is a backup of the embedded database: unset DATABASE_URL and point DATA_DIR at an empty folder.'
		);
	if (url) {
		if (!(await postgresIsEmpty(url)))
			throw new BackupError(
				`Databasen ${libpqEnv(url).PGDATABASE} är inte tom; återställ bara till en tom databas (CREATE DATABASE …). / The database is not empty; restore only into an empty database.`
			);
		run(
			pgBin('pg_restore'),
			['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${libpqEnv(url).PGDATABASE}`, file],
			libpqEnv(url)
		);
		return 'postgres';
	}
	if (!isEmptyFolder(dataDir))
		throw new BackupError(
			`Mappen ${dataDir} är inte tom; återställ bara till en tom eller ny mapp (sätt DATA_DIR). / The folder is not empty; restore only into an empty or new folder.`
		);
	mkdirSync(dataDir, { recursive: true });
	const { PGlite } = await import('@electric-sql/pglite');
	const db = new PGlite(dataDir, { loadDataDir: new Blob([readFileSync(file)]) });
	try {
		await db.query('select 1');
	} finally {
		await db.close();
	}
	return 'pglite';
}
