import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const scripts: Record<string, string> = JSON.parse(readFileSync('package.json', 'utf8')).scripts;

describe('the tsx scripts in package.json', () => {
	// Server code imports `$lib/…` (messages among them). tsx resolves that only through bench/tsconfig.json's
	// paths, and the messages exist only once compiled: a bench that forgets either fails before it measures.
	const tsxScripts = Object.entries(scripts).filter(([, command]) => /\btsx\b/.test(command));

	it('are found', () => {
		expect(tsxScripts.map(([name]) => name)).toContain('bench:planning');
	});

	it.each(tsxScripts)('%s compiles the messages and resolves $lib', (_name, command) => {
		expect(command).toMatch(/^npm run -s messages && tsx --tsconfig bench\/tsconfig\.json /);
	});
});
