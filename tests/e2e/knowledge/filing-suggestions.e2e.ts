import { expect, test, type Browser, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { expectAccessible } from '../axe';
import { signIn } from '../helpers';
import { SCENE } from './scene';

/**
 * Suggestions while filing (issue 15, item 3). No page writes articles yet, so this file seeds its own embedded
 * database (tests/e2e/knowledge/seed.ts, through the factories) and starts the built server on it, on a free port.
 */
test.describe.configure({ mode: 'serial' });

const QUESTION = 'kan inte logga in i lärplattformen efter lösenordsbyte';
const FORM = `/${SCENE.slug}/support/ny`;
let server: ChildProcess | undefined;
let base = '';
let dataDir = '';

const freePort = () =>
	new Promise<number>((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});

test.beforeAll(async () => {
	test.setTimeout(180_000);
	const port = await freePort();
	dataDir = `.e2e-data-knowledge-${port}`;
	rmSync(dataDir, { recursive: true, force: true });
	const seeded = spawnSync('npx', ['tsx', 'tests/e2e/knowledge/seed.ts', dataDir], { encoding: 'utf8' });
	expect(seeded.status, seeded.stderr).toBe(0);
	base = `http://localhost:${port}`;
	server = spawn('node', ['build/index.js'], {
		env: { ...process.env, PORT: String(port), ORIGIN: base, DATA_DIR: dataDir, RODTRAD_JOBS: 'off', LOGIN_LIMIT_IP: '100000' },
		stdio: 'ignore'
	});
	for (let i = 0; i < 120; i++) {
		const up = await fetch(`${base}/logga-in`).then(
			(r) => r.ok,
			() => false
		);
		if (up) return;
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error('the seeded server did not start');
});

test.afterAll(() => {
	server?.kill();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function pageAs(browser: Browser, who: { email: string; password: string }, javaScriptEnabled = true) {
	const context = await browser.newContext({ baseURL: base, javaScriptEnabled, locale: 'sv-SE' });
	const page = await context.newPage();
	await signIn(page, who.email, who.password);
	return page;
}

/** Starts filing: the technical chain, the category, and the question as the title. */
async function startFiling(page: Page) {
	await page.goto(FORM);
	await page.getByLabel('Teknisk support').check();
	await page.getByLabel('Kategori (valfritt)').selectOption({ label: SCENE.category });
	await page.getByLabel('Rubrik').fill(QUESTION);
}

const suggestions = (page: Page) => page.getByRole('complementary', { name: 'Finns svaret redan?' });

test('a teacher typing the question sees the right article first, marks that it solved it, and no case is created', async ({ browser }) => {
	const page = await pageAs(browser, SCENE.teacher);
	await startFiling(page);
	const region = suggestions(page);
	await expect(region.getByRole('heading', { level: 3 }).first()).toHaveText(SCENE.answer);
	await expect(region.getByRole('status')).toHaveText(/^(1 artikel|\d artiklar) kan hjälpa$/);
	await expect(region.getByRole('link', { name: SCENE.answer })).toHaveAttribute(
		'href',
		`/${SCENE.slug}/hjalp/logga-in-efter-losenordsbyte`
	);
	const more = region.locator('details').first();
	await more.getByText('Läs mer här').click();
	await expect(more.getByText(/Vänta fem minuter/)).toBeVisible();
	await expectAccessible(page);

	await region.getByRole('button', { name: `Det här löste det: ${SCENE.answer}` }).click();
	await expect(page).toHaveURL(new RegExp(`/${SCENE.slug}/support/ny/lost$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Skönt! Inget ärende skapades.');
	await expectAccessible(page);
	await page.goto(`/${SCENE.slug}/support`);
	await expect(page.getByText(/Du har inga ärenden ännu/)).toBeVisible();
	await page.context().close();
});

test('without JavaScript, "Sök i självhjälpen först" shows the article with the form as typed, and it can end the filing', async ({
	browser
}) => {
	const page = await pageAs(browser, SCENE.teacher, false);
	await startFiling(page);
	await page.getByLabel('Vad har hänt?').fill('Jag bytte lösenord i morse.');
	await page.getByRole('button', { name: 'Sök i självhjälpen först' }).click();
	const region = suggestions(page);
	await expect(region.getByRole('heading', { level: 3 }).first()).toHaveText(SCENE.answer);
	await expect(page.getByLabel('Rubrik')).toHaveValue(QUESTION);
	await expect(page.getByLabel('Vad har hänt?')).toHaveValue('Jag bytte lösenord i morse.');
	await expect(page.getByLabel('Kategori (valfritt)').locator('option:checked')).toHaveText(SCENE.category);
	// No axe here: it runs as a script in the page, and this page has none (the same markup is checked above).

	await region.getByRole('button', { name: `Det här löste det: ${SCENE.answer}` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Skönt! Inget ärende skapades.');
	await page.goto(`/${SCENE.slug}/support`);
	await expect(page.getByText(/Du har inga ärenden ännu/)).toBeVisible();
	await page.context().close();
});

test('a case filed after seeing suggestions lists them for the key person handling it', async ({ browser }) => {
	const page = await pageAs(browser, SCENE.teacher);
	await startFiling(page);
	await expect(suggestions(page).getByRole('heading', { level: 3 }).first()).toHaveText(SCENE.answer);
	await page.getByLabel('Vad har hänt?').fill('Jag har väntat en timme och det går fortfarande inte.');
	await page.getByRole('button', { name: 'Skicka ärendet' }).click();
	await expect(page).toHaveURL(/\/support\/(\d+)\?anmalt$/);
	const caseUrl = new URL(page.url()).pathname;
	await page.context().close();

	const handler = await pageAs(browser, SCENE.keyPerson);
	await handler.goto(caseUrl);
	await expect(handler.getByRole('heading', { name: 'Visade artiklar vid anmälan' })).toBeVisible();
	await expect(handler.getByRole('link', { name: SCENE.answer })).toHaveAttribute(
		'href',
		`/${SCENE.slug}/hjalp/logga-in-efter-losenordsbyte`
	);
	await expectAccessible(handler);
	await handler.context().close();
});
