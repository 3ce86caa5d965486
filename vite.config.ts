import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-node';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Db specs that mock a module (vi.mock): they run isolated, apart from the shared module cache of the others. */
const MOCKING_DB_SPECS = [
	'src/lib/server/assessment/consensus/unit-report-progression.db.spec.ts',
	'src/lib/server/assessment/rounds/broken-framework.db.spec.ts'
];

export default defineConfig({
	plugins: [
		// Vitest compiles the messages once (tests/compile-messages.ts); the plugin's watcher would keep it from exiting.
		...(process.env.VITEST
			? []
			: [
					paraglideVitePlugin({
						project: './project.inlang',
						outdir: './src/lib/paraglide',
						strategy: ['cookie', 'baseLocale']
					})
				]),
		// SvelteKit 3 takes its configuration here; svelte.config.js is gone (decision 030).
		sveltekit({
			adapter: adapter(),
			// The cross-site form check is done in hooks.server.ts (handleCrossSiteForms), which refuses what SvelteKit
			// would, except on the SAML ACS path, where IdPs post their answers from their own origin (decision 054).
			csrf: { trustedOrigins: ['*'] },
			// Inline scripts SvelteKit emits carry a fresh nonce per page (prerendered pages a hash); nothing else
			// inline may run. A hash would mean hashing every page's serialized data on each request (decision 013).
			csp: {
				mode: 'auto',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					// Styles may be inline (style attributes for chart colours); scripts may not.
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:'],
					'font-src': ['self'],
					'form-action': ['self'],
					'frame-ancestors': ['none'],
					'base-uri': ['self'],
					'object-src': ['none']
				}
			}
		})
	],
	// Kit 3 drops its `$lib` alias (for `#lib` subpath imports); a plain Vite alias keeps every import as it is,
	// with the matching `paths` in tsconfig.json (decision 030).
	resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
	server: { port: 3000 },
	test: {
		// A fixed key for sealed secrets (decision 038), so specs never write a key file into ./data.
		// The local OIDC provider of the sign-in specs runs on 127.0.0.1 (decision 050).
		env: { SECRET_KEY: process.env.SECRET_KEY ?? 'dGVzdC1rZXktZm9yLXNlYWxlZC1zZWNyZXRzLW9ubHk=', SSO_ALLOW_PRIVATE_ISSUERS: 'true' },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					globalSetup: ['tests/compile-messages.ts'],
					// No unit spec mocks a module: they share a worker's module cache, as the db specs do (decision 048).
					isolate: false,
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
					exclude: MOCKING_DB_SPECS,
					environment: 'node',
					globalSetup: ['tests/compile-messages.ts', 'tests/db-global-setup.ts'],
					// Spec files share a worker's module cache instead of importing the server's modules anew for each
					// file: that import took 40 % of the tier's time. Every spec opens its own database (decision 048).
					isolate: false,
					testTimeout: 30000,
					hookTimeout: 60000
				}
			},
			{
				// The db specs that replace a module with vi.mock keep a module cache of their own.
				extends: true,
				test: {
					name: 'db-mocking',
					include: MOCKING_DB_SPECS,
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
