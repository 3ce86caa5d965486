// npm run kb:import -- <organizer-slug> <folder>: imports a folder of article files (docs/knowledge-format.md) into
// an organizer's knowledge base, on DATABASE_URL or the embedded database in DATA_DIR (default ./data). The embedded
// database is opened by one process at a time: stop Rödtråd first, as for a backup.
import { openDatabase } from '../src/lib/server/db';
import { runKbImport } from '../src/lib/server/knowledge/import/kb-import-command';

const handle = await openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR || './data', poolSize: 1 });
let code = 1;
try {
	await handle.migrate();
	code = await runKbImport(handle.db, process.argv.slice(2), { out: console.log, err: console.error });
} catch (e) {
	console.error(e);
} finally {
	await handle.close();
}
process.exit(code);
