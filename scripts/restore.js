// npm run restore -- FILE: restores a backup from `npm run backup` into an empty database (DATABASE_URL) or an
// empty or new folder (DATA_DIR); refuses a target that holds data. Decision 017; README "Säkerhetskopior".
import { BackupError, restoreDatabase } from './backup-lib.js';

const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
const url = process.env.DATABASE_URL || undefined;
const dataDir = process.env.DATA_DIR || './data';

if (!file) {
	console.error('Ange filen / give the file: npm run restore -- rodtrad-backup-….tar.gz');
	process.exit(1);
}
try {
	await restoreDatabase({ url, dataDir, file });
	console.log(
		`Återställd från / restored from ${file} till / into ${url ? 'PostgreSQL' : dataDir}. Starta Rödtråd som vanligt / start Rödtråd as usual.`
	);
} catch (e) {
	console.error(e instanceof BackupError ? e.message : e);
	process.exit(1);
}
