import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../errors';
import type { Framework } from './framework-schema';
import { FRAMEWORKS_DIR } from './list-frameworks';
import { loadFramework } from './load-framework';

const cache = new Map<string, Promise<Framework>>();

/**
 * A shipped framework version, loaded once per process (the files only change with a release).
 * NOT_FOUND when the key or version does not exist.
 */
export function getFramework(key: string, version: string): Promise<Framework> {
	if (!/^[a-z0-9-]+$/.test(key) || !/^\d{4}\.\d+$/.test(version)) return Promise.reject(new AppError('NOT_FOUND', 'framework'));
	const id = `${key}@${version}`;
	let hit = cache.get(id);
	if (!hit) {
		const file = path.join(FRAMEWORKS_DIR, key, `${version}.yaml`);
		if (!existsSync(file)) return Promise.reject(new AppError('NOT_FOUND', 'framework'));
		hit = loadFramework(file).catch((e) => {
			cache.delete(id);
			throw e;
		});
		cache.set(id, hit);
	}
	return hit;
}
