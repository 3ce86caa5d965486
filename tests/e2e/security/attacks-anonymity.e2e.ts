/**
 * Attacks on answering anonymity (issue 12, findings 2, 3 and the round overview of 10; decision 014),
 * on the demo server. The padding attack makes its own round for Solbackaskolan with an opening date long
 * past, so it sorts after every demo round and no other demo test picks it; everything else only reads.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const people = planDemo().people;
const ADMIN = people.find((p) => p.signIn === 'org_admin')!;
const PRINCIPAL = people.find((p) => p.signIn === 'principal (Rektorsområde Norr)')!;
const GUARDIAN = people.find((p) => p.signIn?.startsWith('guardian ('))!;
const SUPPLIER = people.find((p) => p.signIn === 'supplier')!;
const SCHOOL = 'Solbackaskolan';
const RUN = Date.now().toString(36);
const REAL_COMMENT = `Bara jag har svarat ${RUN}`;

/** Round ids on the administrator's round list, newest first, with whether each is open. */
async function demoRounds(page: Page) {
	await page.goto(`/${DEMO_SLUG}/skattning`);
	const rows = page.getByRole('row').filter({ has: page.locator(`a[href^="/${DEMO_SLUG}/skattning/"]`) });
	const out: { path: string; open: boolean }[] = [];
	for (const row of await rows.all()) {
		const href = (await row.locator(`a[href^="/${DEMO_SLUG}/skattning/"]`).first().getAttribute('href'))!.replace(/\/$/, '');
		if (!/\/skattning\/[0-9a-f-]{36}$/.test(href)) continue;
		out.push({ path: href, open: (await row.textContent())!.includes('Öppen') });
	}
	return out;
}

/** A fresh browser (no resume cookie) answering through the link: one level and a comment, or nothing at all. */
async function answerThroughLink(browser: Browser, link: string, real: boolean) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(link);
	await page.getByRole('button', { name: 'Börja svara' }).click();
	if (real) {
		// Let the page hydrate before ticking, or hydration can undo the tick.
		await page.waitForLoadState('networkidle');
		const first = page.getByRole('group').first();
		await first.getByRole('radio', { name: /^Steg 4:/ }).check();
		await first.getByLabel('Kommentar (valfritt)').fill(REAL_COMMENT);
		await page.getByRole('button', { name: 'Spara och fortsätt' }).click();
		await expect(page.getByText(/^1 av \d+ påståenden besvarade$/)).toBeVisible();
	}
	await page.goto(`${link}/granska`);
	await page.getByRole('button', { name: 'Skicka in' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tack! Dina svar är inskickade.');
	await context.close();
}

test('finding 2: four empty submissions through a link do not reveal the one real answer, and a full link says so', async ({
	page,
	browser
}) => {
	// Six browsers answer a whole round through the link one after another: long, and longer beside the other lane.
	test.setTimeout(480_000);
	await signIn(page, ADMIN.email, DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}/skattning/ny`);
	await page.getByLabel('Namn på omgången').fill(`Utfyllnadsförsöket ${RUN}`);
	await page.getByLabel('Ramverk').selectOption('nationella-strategin@2026.1');
	await page.getByLabel(SCHOOL, { exact: true }).check();
	await page.getByLabel('Personal', { exact: true }).check();
	await page.getByLabel('Öppnar').fill('2001-01-01');
	await page.getByLabel('Stänger').fill('2099-12-31');
	await page.getByRole('button', { name: 'Starta omgången' }).click();
	await expect(page).toHaveURL(/\/skattning\/[0-9a-f-]{36}\?klart=skapad$/);
	const roundPath = new URL(page.url()).pathname;

	// A capacity that is no number (past the browser's own check) is refused by the server, named in the summary and next to its field.
	const capacity = page.getByLabel(`Antal som kan svara, ${SCHOOL}, Personal`);
	await capacity.evaluate((el: HTMLInputElement) => {
		el.type = 'text';
		el.value = 'tjugo';
	});
	await page.getByRole('button', { name: `Skapa länk för ${SCHOOL}, Personal` }).click();
	await expect(page.getByRole('alert')).toContainText('Ange antalet som kan svara som ett heltal från 1 till 1 000');
	await expect(page.getByLabel(`Antal som kan svara, ${SCHOOL}, Personal`)).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(page);
	await page.getByLabel(`Antal som kan svara, ${SCHOOL}, Personal`).fill('5');
	await page.getByRole('button', { name: `Skapa länk för ${SCHOOL}, Personal` }).click();
	await expect(page.getByText('Tar emot högst 5 svar.')).toBeVisible();
	const link = new URL((await page.locator('code.url').first().textContent())!.trim(), page.url()).pathname;
	const unitId = (await page.getByRole('link', { name: `Enhetsrapport för ${SCHOOL}` }).getAttribute('href'))!.split('/').pop()!;

	await answerThroughLink(browser, link, true);
	for (let i = 0; i < 4; i++) await answerThroughLink(browser, link, false);

	// A sixth browser finds the link full: a clear page, no new response.
	const sixth = await (await browser.newContext()).newPage();
	const full = await sixth.goto(link);
	expect(full!.status()).toBe(200);
	await expect(sixth.getByRole('heading', { level: 1 })).toHaveText('Länken är full');
	await expect(sixth.getByRole('button', { name: 'Börja svara' })).toHaveCount(0);
	await expectAccessible(sixth);
	await sixth.close();

	await page.goto(roundPath);
	await page.getByRole('button', { name: 'Stäng omgången' }).click();
	await expect(page).toHaveURL(/klart=stangd/);

	// The principal reads every sub-goal on samsyn and the unit report: five responses, one answer per item at most, nothing shown.
	const principal = await (await browser.newContext()).newPage();
	await signIn(principal, PRINCIPAL.email, DEMO_PASSWORD);
	const samsyn = `${roundPath}/enhet/${unitId}/samsyn`;
	await principal.goto(samsyn);
	await expect(principal.getByRole('heading', { level: 1, name: /^Samsyn: / })).toBeVisible();
	const subGoals = await principal.locator(`a[href^="${samsyn}/"]`).evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
	expect(subGoals.length).toBeGreaterThan(0);
	for (const href of subGoals) {
		await principal.goto(href);
		await expect(principal.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(principal.getByText(REAL_COMMENT)).toHaveCount(0);
		// Each staff row is hidden, or shows an item nobody answered (all zeros): never the one level 4.
		for (const row of await principal.locator('table.distribution tbody tr').all()) {
			const cells = await row.getByRole('cell').allTextContents();
			if (cells.length === 1) expect(cells[0]).toMatch(/För få svar för att visas/);
			else expect(cells.slice(0, 6)).toEqual(['0', '0', '0', '0', '0', '0']);
		}
	}
	await principal.close();
});

test('finding 3: while a round is open, samsyn and the unit report show no distributions, means or comments', async ({ page, browser }) => {
	await signIn(page, ADMIN.email, DEMO_PASSWORD);
	const open = (await demoRounds(page)).find((r) => r.open);
	expect(open, 'the demo has an open round').toBeTruthy();
	const principal = await (await browser.newContext()).newPage();
	await signIn(principal, PRINCIPAL.email, DEMO_PASSWORD);
	await principal.goto(open!.path);
	const samsynLink = principal.getByRole('link', { name: /^Samsyn för / }).first();
	const samsyn = (await samsynLink.getAttribute('href'))!;
	await principal.goto(samsyn);
	await expect(principal.getByText('Svarsfördelningar och kommentarer visas när omgången har stängts.', { exact: false })).toBeVisible();
	await expectAccessible(principal);
	await principal.getByRole('link', { name: /^1\.1 / }).click();
	await expect(principal.getByRole('heading', { level: 1, name: /^1\.1 / })).toBeVisible();
	const rows = principal.locator('table.distribution tbody tr');
	expect(await rows.count()).toBeGreaterThan(0);
	for (const row of await rows.all()) await expect(row.getByRole('cell')).toHaveText(['Visas när omgången har stängts']);
	await expect(principal.getByRole('heading', { name: 'Kommentarer' })).toHaveCount(0);
	await expectAccessible(principal);
	await principal.goto(samsyn.replace(/\/samsyn$/, ''));
	await expect(principal.getByText('Perspektivens svar visas när omgången har stängts', { exact: false })).toBeVisible();
});

test('finding 10: a guardian and a supplier cannot open a round’s page by its address, and see no rounds listed', async ({ browser }) => {
	const admin = await (await browser.newContext()).newPage();
	await signIn(admin, ADMIN.email, DEMO_PASSWORD);
	const rounds = await demoRounds(admin);
	expect(rounds.length).toBeGreaterThan(0);
	await admin.close();
	for (const who of [GUARDIAN, SUPPLIER]) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signIn(page, who.email, DEMO_PASSWORD);
		for (const r of rounds) {
			const response = await page.goto(r.path);
			expect(response!.status(), `${who.signIn} on ${r.path}`).toBe(403);
		}
		const list = await page.goto(`/${DEMO_SLUG}/skattning`);
		if (list!.status() === 200) {
			for (const r of rounds) await expect(page.locator(`a[href^="${r.path}"]`)).toHaveCount(0);
		}
		await context.close();
	}
});
