// Covers: listFrameworks, listItems, loadFramework.
import { describe, expect, it } from 'vitest';
import { listFrameworks } from './list-frameworks';
import { listItems } from './list-items';
import { loadFramework } from './load-framework';

describe('shipped frameworks', () => {
	it('lists both shipped frameworks under content/frameworks', async () => {
		const files = await listFrameworks();
		expect(files.map((f) => `${f.key}/${f.version}`)).toEqual(
			expect.arrayContaining(['nationella-strategin/2026.1', 'supportorganisationen/2026.1'])
		);
	});

	it('loads every shipped framework file without errors', async () => {
		for (const file of await listFrameworks()) {
			const framework = await loadFramework(file.path);
			expect(framework.key).toBe(file.key);
			expect(listItems(framework).length).toBeGreaterThan(0);
		}
	});

	it('gives the national framework the overarching part and the nine sub-goals', async () => {
		const framework = await loadFramework('content/frameworks/nationella-strategin/2026.1.yaml');
		const ids = framework.areas.flatMap((a) => a.sub_goals.map((s) => s.id));
		expect(ids).toEqual(['0', '1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2']);
	});

	it('covers every strategic question 1–52 in the national framework at least once', async () => {
		const framework = await loadFramework('content/frameworks/nationella-strategin/2026.1.yaml');
		const covered = new Set(listItems(framework).map((item) => item.source_question));
		const missing = Array.from({ length: 52 }, (_, i) => i + 1).filter((q) => !covered.has(q));
		expect(missing).toEqual([]);
		expect([...covered].every((q) => q !== undefined && q >= 1 && q <= 52)).toBe(true);
	});

	it('keeps every item key of the national framework under its own sub-goal prefix', async () => {
		const framework = await loadFramework('content/frameworks/nationella-strategin/2026.1.yaml');
		for (const item of listItems(framework)) {
			expect(item.key.startsWith(`ns.${item.subGoalId.replace('.', '-')}.`), item.key).toBe(true);
		}
	});

	it('builds the support framework on the three parts of the process support', async () => {
		const framework = await loadFramework('content/frameworks/supportorganisationen/2026.1.yaml');
		expect(framework.areas.map((a) => a.id)).toEqual(['sammanhallen-digitalisering', 'pedagogisk-support', 'teknisk-support']);
	});
});
