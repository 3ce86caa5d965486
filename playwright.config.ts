import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { MAIL_HTTP_PORT, MAIL_SMTP_PORT } from './tests/e2e/mail-ports';

/**
 * Debian's headless shell (package chromium-headless-shell) when it is there: the browser without its own window
 * machinery, which the tests never look at, takes far less of the two cores than full Chromium run headless
 * (decision 048). Otherwise Debian's Chromium.
 */
const chromium = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path));
const PORT = Number(process.env.E2E_PORT ?? 3100);
/** A second server started with the demo data, for tests that need every role. */
const DEMO_PORT = PORT + 100;
const serverEnv = (port: number) => ({
	PORT: String(port),
	ORIGIN: `http://localhost:${port}`,
	DATA_DIR: `.e2e-data-${port}`,
	// Mail goes out over SMTP to the mail catcher, where tests read it as the recipient would (tests/e2e/mail.ts).
	SMTP_HOST: '127.0.0.1',
	SMTP_PORT: String(MAIL_SMTP_PORT),
	// As npm start sets it (scripts/start.js), so a 2 MB import file or 3×2 MB case attachments reach the app.
	BODY_SIZE_LIMIT: '8M',
	// Every suite asks for password links from 127.0.0.1; the limit itself is tested in the database tier.
	RESET_LIMIT_IP: '100000',
	// The single sign-on scenario's local provider runs on 127.0.0.1 (decision 050); production leaves this off.
	SSO_ALLOW_PRIVATE_ISSUERS: 'true'
});

/**
 * The folders of tests/e2e the second Testkommun lane runs; every other folder runs in the first (security, demo and
 * knowledge/filing-suggestions run on the demo server).
 */
const FEATURES_B = ['assessment', 'planning', 'knowledge', 'integrations'];

/** End-to-end tests drive the built server (npm run build first) on a fresh embedded database. */
export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	// Three lanes: two on the Testkommun server and the demo project on its own server, side by side; within a
	// project the tests run one at a time (they build on each other's data). Decisions 041 and 048.
	workers: 3,
	retries: 0,
	// A long scenario on a busy two-core machine can pass a minute without anything being wrong.
	timeout: 120_000,
	// Two lanes on a two-core machine make a page slower to answer now and then.
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		locale: 'sv-SE',
		launchOptions: {
			executablePath: chromium,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--no-first-run',
				'--disable-sync'
			]
		}
	},
	projects: [
		// Runs first, on an empty database: the setup page creates "Testkommun" and its admin,
		// which every later test signs in as (tests/e2e/helpers.ts).
		{ name: 'installation', testMatch: 'foundation/setup.e2e.ts', workers: 1 },
		// Two lanes on the same Testkommun server, split by area so that the tests that change the organizer's support
		// settings never run beside the support tests that read them. Every test makes its own rows (unique names and
		// stamps) and never counts rows it did not make, so the lanes may run side by side (decision 048).
		{
			name: 'features',
			testIgnore: ['foundation/setup.e2e.ts', 'security/**', 'demo/**', ...FEATURES_B.map((d) => `${d}/**`)],
			dependencies: ['installation'],
			workers: 1
		},
		{
			name: 'features-b',
			testMatch: FEATURES_B.map((d) => `${d}/**/*.e2e.ts`),
			testIgnore: ['knowledge/filing-suggestions.e2e.ts'],
			dependencies: ['installation'],
			workers: 1
		},
		// Every role of Exempelkommun: the authorization matrix and whole-chain scenarios (tests/e2e/demo).
		// It depends on installation only so that Playwright runs it in the same phase as features (projects run in
		// phases by their dependencies); it uses nothing the setup page creates.
		{
			name: 'demo',
			// filing-suggestions starts a server of its own on a seeded database: it evens out the two lanes here.
			testMatch: ['security/**/*.e2e.ts', 'demo/**/*.e2e.ts', 'knowledge/filing-suggestions.e2e.ts'],
			dependencies: ['installation'],
			workers: 1,
			use: { baseURL: `http://localhost:${DEMO_PORT}` }
		}
	],
	webServer: [
		{
			command: `node tests/e2e/mail-catcher.ts ${MAIL_SMTP_PORT} ${MAIL_HTTP_PORT}`,
			url: `http://127.0.0.1:${MAIL_HTTP_PORT}/messages`,
			reuseExistingServer: false,
			timeout: 30_000
		},
		{
			command: `rm -rf .e2e-data-${PORT} && node build/index.js`,
			url: `http://localhost:${PORT}/logga-in`,
			reuseExistingServer: false,
			timeout: 120_000,
			// Only failed sign-ins count, but the features tests fail on purpose now and then from one address.
			env: { ...serverEnv(PORT), LOGIN_LIMIT_IP: '100000' }
		},
		{
			command: `rm -rf .e2e-data-${DEMO_PORT} && node build/index.js`,
			url: `http://localhost:${DEMO_PORT}/logga-in`,
			reuseExistingServer: false,
			timeout: 120_000,
			env: { ...serverEnv(DEMO_PORT), RODTRAD_DEMO: '1' }
		}
	]
});
