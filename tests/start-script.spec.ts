// Covers: scripts/start.js (its checks of the environment).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const start = (env: Record<string, string>) =>
	spawnSync(process.execPath, ['scripts/start.js'], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 20_000 });

describe('scripts/start.js', () => {
	it.each(['0', '-1', 'två', '1.5'])('refuses WORKERS=%s with a message before building or serving anything', (workers) => {
		const r = start({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', WORKERS: workers });
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('WORKERS måste vara ett heltal från 1');
		expect(r.stdout).not.toContain('Bygger');
	});
});
