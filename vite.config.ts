import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		// Vitest compiles the messages once (tests/compile-messages.ts); the plugin's watcher would keep it from exiting.
		...(process.env.VITEST ? [] : [paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'baseLocale']
		})]),
		sveltekit()
	],
	server: { port: 3000 },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					globalSetup: ['tests/compile-messages.ts'],
					include: ['src/**/*.spec.ts', 'tests/**/*.spec.ts'],
					exclude: ['src/**/*.db.spec.ts', 'tests/**/*.db.spec.ts', 'tests/**/*.ops.spec.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'db',
					include: ['src/**/*.db.spec.ts', 'tests/**/*.db.spec.ts'],
					environment: 'node',
					globalSetup: ['tests/compile-messages.ts', 'tests/db-global-setup.ts'],
					testTimeout: 30000,
					hookTimeout: 60000
				}
			},
			{
				// The built server against a throwaway PostgreSQL (tests/ops, decision 017): run by scripts/test-postgres.sh
				// after `npm run build`; skipped with a message where PostgreSQL's programs are missing.
				extends: true,
				test: {
					name: 'ops',
					include: ['tests/ops/**/*.ops.spec.ts'],
					environment: 'node',
					fileParallelism: false,
					testTimeout: 60000,
					hookTimeout: 120000
				}
			}
		]
	}
});
