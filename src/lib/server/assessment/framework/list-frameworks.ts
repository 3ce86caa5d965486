import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Where shipped frameworks live, relative to the working directory of the app. */
export const FRAMEWORKS_DIR = 'content/frameworks';

/** One framework file found on disk (not yet loaded). */
export type FrameworkFile = { key: string; version: string; path: string };

const VERSION_FILE = /^(\d{4}\.\d+)\.ya?ml$/;

/**
 * Finds every `<framework-key>/<version>.yaml` under `root`, sorted by key and then by
 * version (oldest first, so 2026.2 comes before 2026.10). Other files are ignored.
 */
export async function listFrameworks(root: string = FRAMEWORKS_DIR): Promise<FrameworkFile[]> {
	const base = resolve(root);
	const found: FrameworkFile[] = [];
	for (const dir of await readdir(base, { withFileTypes: true })) {
		if (!dir.isDirectory()) continue;
		for (const file of await readdir(join(base, dir.name), { withFileTypes: true })) {
			const match = file.isFile() ? VERSION_FILE.exec(file.name) : null;
			if (match) found.push({ key: dir.name, version: match[1], path: join(base, dir.name, file.name) });
		}
	}
	return found.sort((a, b) => a.key.localeCompare(b.key) || compareVersionNames(a.version, b.version));
}

/** Orders "2026.2" before "2026.10": compares the parts as numbers. */
export function compareVersionNames(a: string, b: string): number {
	const [pa, pb] = [a.split('.').map(Number), b.split('.').map(Number)];
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
		if (diff !== 0) return diff;
	}
	return 0;
}

/** The newest version of each framework among the files, by key. */
export function newestVersions(files: FrameworkFile[]): Map<string, string> {
	const newest = new Map<string, string>();
	for (const f of files) if (!newest.has(f.key) || compareVersionNames(f.version, newest.get(f.key)!) > 0) newest.set(f.key, f.version);
	return newest;
}
