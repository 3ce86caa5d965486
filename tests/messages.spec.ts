import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Every text is in Swedish and English (Paraglide falls back to Swedish without a word when an English message is
 * missing), and every message folder is one the inlang project compiles.
 */
const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8'));
const patterns: string[] = settings['plugin.inlang.messageFormat'].pathPattern;
const folders = readdirSync('messages', { withFileTypes: true })
	.filter((d) => d.isDirectory())
	.map((d) => d.name);
const keysOf = (folder: string, locale: string) =>
	Object.keys(JSON.parse(readFileSync(`messages/${folder}/${locale}.json`, 'utf8'))).filter((k) => !k.startsWith('$'));

describe('messages', () => {
	it('are compiled from every folder, and from no folder that is missing', () => {
		expect(folders.length).toBeGreaterThan(10);
		expect([...patterns].sort()).toEqual(folders.map((f) => `./messages/${f}/{locale}.json`).sort());
	});

	it.each(folders)('%s has the same keys in Swedish and English, none empty', (folder) => {
		expect(existsSync(`messages/${folder}/en.json`), `messages/${folder}/en.json`).toBe(true);
		const sv = keysOf(folder, 'sv');
		expect(keysOf(folder, 'en').sort()).toEqual(sv.sort());
		for (const locale of ['sv', 'en']) {
			const values = JSON.parse(readFileSync(`messages/${folder}/${locale}.json`, 'utf8'));
			const empty = sv.filter((k) => typeof values[k] === 'string' && values[k].trim() === '');
			expect(empty, `${folder}/${locale}`).toEqual([]);
		}
	});
});
