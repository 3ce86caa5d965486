import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from '../axe';
import { TEST_ADMIN, signInAsAdmin } from '../helpers';

test.describe.configure({ mode: 'serial' });

const SLUG = 'testkommun';
const UNIT = 'Svarsbyskolan';
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

let roundPath = '';
let unitId = '';
let linkPath = '';

/** No sideways scrolling at this width: the page fits a small phone. */
async function expectFitsWidth(page: Page) {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}

test('an administrator sets up a unit, makes herself its principal and opens a round with an anonymous student link', async ({ page }) => {
	await signInAsAdmin(page);
	await page.goto(`/${SLUG}/admin/enheter/ny`, { waitUntil: 'networkidle' });
	await page.getByLabel('Namn', { exact: true }).fill(UNIT);
	await page.getByLabel('Typ av enhet').selectOption('skola');
	await page.getByRole('button', { name: 'Lägg till enheten' }).click();
	await expect(page.getByRole('status')).toHaveText('Enheten är tillagd.');

	await page.goto(`/${SLUG}/admin/personer`);
	await page.getByRole('link', { name: TEST_ADMIN.name, exact: true }).click();
	await page.getByLabel('Roll', { exact: true }).selectOption({ label: 'Rektor' });
	await page.getByLabel('Var gäller rollen?').selectOption({ label: UNIT });
	await page.getByRole('button', { name: 'Lägg till roll' }).click();
	await expect(page.getByRole('status')).toHaveText('Rollen är tillagd.');

	await page.goto(`/${SLUG}/skattning/ny`, { waitUntil: 'networkidle' });
	await page.getByLabel('Namn på omgången').fill('Svarsomgång hösten');
	const framework = page.getByLabel('Ramverk');
	const value = await framework.locator('option', { hasText: 'Nationella' }).first().getAttribute('value');
	await framework.selectOption(value!);
	await page.getByLabel(UNIT, { exact: true }).check();
	await page.getByLabel('Ledning och rektor').check();
	await page.getByLabel('Elever').check();
	await page.getByLabel('Öppnar').fill(today());
	await page.getByLabel('Stänger').fill('2099-12-31');
	await page.getByRole('button', { name: 'Starta omgången' }).click();
	await expect(page).toHaveURL(/\/skattning\/[0-9a-f-]{36}\?klart=skapad$/);
	roundPath = new URL(page.url()).pathname;

	await page.getByRole('button', { name: `Skapa länk för ${UNIT}, Elever` }).click();
	const url = await page.locator('code.url').first().textContent();
	linkPath = new URL(url!.trim(), page.url()).pathname;
	expect(linkPath).toMatch(/^\/s\/.+/);

	await page.goto(`/${SLUG}/admin/enheter`);
	const href = await page.getByRole('link', { name: UNIT, exact: true }).getAttribute('href');
	unitId = href!.split('/').pop()!;
});

test('a principal answers as herself: saves, goes back and finds the answers, reviews and submits', async ({ page }) => {
	await signInAsAdmin(page);
	const start = `${roundPath}/svara/${unitId}`;
	await page.goto(start);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Självskattning: ${UNIT}`);
	await expect(page.getByText('Du svarar som: Ledning och rektor')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Börja svara' }).click();

	await expect(page.getByText('Delmål 1 av 10', { exact: true })).toBeVisible();
	await expect(page.getByText(/^0 av \d+ påståenden besvarade$/)).toBeVisible();
	const first = page.getByRole('group').first();
	await expect(first.getByRole('radio')).toHaveCount(6);
	await expect(first.getByRole('radio', { name: 'Vet ej' })).toBeVisible();
	await expect(first.getByRole('radio', { name: 'Ej aktuellt' })).toBeVisible();
	await expectAccessible(page);

	// A comment without an answer is refused by name, and what was typed stays.
	await first.getByLabel('Kommentar (valfritt)').fill('Planen finns men är gammal.');
	await page.getByRole('button', { name: 'Spara', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('Påstående 1: Välj ett svar för att kunna spara kommentaren');
	await expect(page.getByRole('group').first().getByLabel('Kommentar (valfritt)')).toHaveValue('Planen finns men är gammal.');
	await expectAccessible(page);

	await page
		.getByRole('group')
		.first()
		.getByRole('radio', { name: /^Steg 3:/ })
		.check();
	await page.getByRole('group').nth(1).getByRole('radio', { name: 'Vet ej' }).check();
	await page.getByRole('button', { name: 'Spara och fortsätt' }).click();
	await expect(page.getByText('Delmål 2 av 10', { exact: true })).toBeVisible();
	await expect(page.getByText(/^2 av \d+ påståenden besvarade$/)).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Föregående' }).click();
	await expect(page.getByText('Delmål 1 av 10', { exact: true })).toBeVisible();
	await expect(
		page
			.getByRole('group')
			.first()
			.getByRole('radio', { name: /^Steg 3:/ })
	).toBeChecked();
	await expect(page.getByRole('group').first().getByLabel('Kommentar (valfritt)')).toHaveValue('Planen finns men är gammal.');

	await page.goto(`${start}/ledning/granska`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Granska och skicka in');
	await expect(page.getByText('Planen finns men är gammal.')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Skicka in' }).click();
	await expect(page).toHaveURL(new RegExp(`${start}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tack! Dina svar är inskickade.');
	await expectAccessible(page);

	// Read-only now: the answer pages lead back to the thanks.
	await page.goto(`${start}/ledning?delmal=0`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tack! Dina svar är inskickade.');
});

test('tampered unit ids, perspectives and tokens are not found', async ({ page }) => {
	await signInAsAdmin(page);
	for (const path of [
		`${roundPath}/svara/00000000-0000-0000-0000-000000000000`,
		`${roundPath}/svara/inte-ett-id`,
		`${roundPath}/svara/${unitId}/elever`,
		`${roundPath}/svara/${unitId}/nagot-annat`,
		`${linkPath}x`,
		`${linkPath}x/svar`
	]) {
		const res = await page.goto(path);
		expect(res?.status(), path).toBe(404);
	}
});

/** A phone-sized browser of its own (no cookies shared with other tests). Axe and the width check need JavaScript. */
async function phone(browser: Browser, javaScriptEnabled = true) {
	const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 }, locale: 'sv-SE' });
	return { context, page: await context.newPage() };
}

test('a student answers through the anonymous link on a phone, resumes, submits, and reusing the link says so', async ({ browser }) => {
	const { context, page } = await phone(browser);
	await page.goto(linkPath);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Självskattning: ${UNIT}`);
	await expect(page.getByText('Du svarar som: Elever')).toBeVisible();
	await expectAccessible(page);
	await expectFitsWidth(page);
	await page.getByRole('button', { name: 'Börja svara' }).click();

	await expect(page.getByText(/^Delmål 1 av \d+$/)).toBeVisible();
	await expectAccessible(page);
	await expectFitsWidth(page);
	await page
		.getByRole('group')
		.first()
		.getByRole('radio', { name: /^Steg 2:/ })
		.check();
	await page.getByRole('button', { name: 'Spara', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('Dina svar är sparade.');

	// The same browser resumes where it was.
	await page.goto(linkPath);
	await expect(page.getByText(/Påbörjad – 1 av \d+ påståenden besvarade/)).toBeVisible();
	await page.getByRole('button', { name: 'Fortsätt svara' }).click();
	await expect(
		page
			.getByRole('group')
			.first()
			.getByRole('radio', { name: /^Steg 2:/ })
	).toBeChecked();

	await page.goto(`${linkPath}/granska`);
	await expectAccessible(page);
	await expectFitsWidth(page);
	await page.getByRole('button', { name: 'Skicka in' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tack! Dina svar är inskickade.');

	// Using the link again in the same browser says so, with a normal page.
	const again = await page.goto(linkPath);
	expect(again?.status()).toBe(200);
	await expect(page.getByText('Svaren från den här webbläsaren är redan inskickade')).toBeVisible();
	await expectAccessible(page);
	await context.close();
});

test('another browser without JavaScript gets a new response and answers with plain forms', async ({ browser }) => {
	const { context, page } = await phone(browser, false);
	await page.goto(linkPath);
	await page.getByRole('button', { name: 'Börja svara' }).click();
	await expect(page.getByText(/^0 av \d+ påståenden besvarade$/)).toBeVisible();
	await page.getByRole('group').first().getByRole('radio', { name: 'Ej aktuellt' }).check();
	await page.getByRole('group').first().getByLabel('Kommentar (valfritt)').fill('Vi har inga datorer i klassrummet.');
	await page.getByRole('button', { name: /^Spara och (fortsätt|granska)$/ }).click();
	await expect(page.getByText(/^1 av \d+ påståenden besvarade$/)).toBeVisible();
	if (await page.getByRole('button', { name: 'Föregående' }).count()) {
		await page.getByRole('button', { name: 'Föregående' }).click();
		await expect(page.getByRole('group').first().getByRole('radio', { name: 'Ej aktuellt' })).toBeChecked();
		await expect(page.getByRole('group').first().getByLabel('Kommentar (valfritt)')).toHaveValue('Vi har inga datorer i klassrummet.');
	}
	await page.goto(`${linkPath}/granska`);
	await expect(page.getByText('Vi har inga datorer i klassrummet.')).toBeVisible();
	await page.getByRole('button', { name: 'Skicka in' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tack! Dina svar är inskickade.');
	await context.close();
});

test('once the round is closed, the link says so plainly and takes no answers', async ({ page, browser }) => {
	await signInAsAdmin(page);
	await page.goto(roundPath);
	await page.getByRole('button', { name: 'Stäng omgången nu' }).click();
	await expect(page.getByText('Stängd').first()).toBeVisible();

	const { context, page: student } = await phone(browser);
	const res = await student.goto(linkPath);
	expect(res?.status()).toBe(200);
	await expect(student.getByRole('heading', { level: 1 })).toHaveText('Skattningen är stängd');
	await expect(student.getByRole('button', { name: 'Börja svara' })).toHaveCount(0);
	await expectAccessible(student);
	const post = await student.request.post(`${linkPath}?/start`, {
		form: {},
		maxRedirects: 0,
		headers: { origin: new URL(student.url()).origin, accept: 'text/html' }
	});
	expect(post.status()).toBe(303);
	await expect(student.goto(`${linkPath}/svar`).then((r) => r?.url())).resolves.toMatch(new RegExp(`${linkPath}$`));
	await context.close();
});
