import { env } from '../env';
import { openDatabase, type DbHandle } from './index';

let handle: Promise<DbHandle> | undefined;

/** The server's single database handle, migrated on first use. */
export function appDatabase(): Promise<DbHandle> {
	handle ??= (async () => {
		const h = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: env.DATABASE_POOL_SIZE });
		await h.migrate();
		return h;
	})();
	return handle;
}

/** Closes the handle on shutdown, so the process ends once its last request is answered (and PGlite's files are flushed). */
export async function closeAppDatabase(): Promise<void> {
	const h = await handle?.catch(() => undefined);
	handle = undefined;
	await h?.close().catch((e) => console.error('database: closing failed', e));
}
