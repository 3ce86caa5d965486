import { env } from '../env';
import { openDatabase, type DbHandle } from './index';

let handle: Promise<DbHandle> | undefined;

/** The server's single database handle, migrated on first use. */
export function appDatabase(): Promise<DbHandle> {
	handle ??= (async () => {
		const h = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
		await h.migrate();
		return h;
	})();
	return handle;
}
