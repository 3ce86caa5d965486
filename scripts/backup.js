// npm run backup [-- FILE] [--force]: writes a backup of Rödtråd's database (decision 017; README "Säkerhetskopior").
// PostgreSQL (DATABASE_URL): pg_dump's custom format, taken while the servers run. Embedded database (DATA_DIR):
// PGlite's dump of the folder; stop Rödtråd first, since only one process may open the folder.
import { BackupError, backupDatabase } from './backup-lib.js';

const args = process.argv.slice(2);
const force = args.includes('--force');
const url = process.env.DATABASE_URL || undefined;
const dataDir = process.env.DATA_DIR || './data';
const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
const file = args.find((a) => !a.startsWith('--')) ?? `rodtrad-backup-${stamp}${url ? '.dump' : '.tar.gz'}`;

try {
	const kind = await backupDatabase({ url, dataDir, file, force });
	console.log(
		`Säkerhetskopia skriven / backup written: ${file} (${kind === 'postgres' ? 'PostgreSQL, pg_dump' : 'inbäddad databas / embedded database'})`
	);
} catch (e) {
	console.error(e instanceof BackupError ? e.message : e);
	process.exit(1);
}
