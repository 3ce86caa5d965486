/**
 * Anonymous links by the dozen: the administrator creates the links of every unit × two groups in one
 * step (a second time skips them all), prints them as cards with QR codes and the address in words,
 * and reads the sheet in English too.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from '../axe';
import { addSchoolUnit, signInAsAdmin, TEST_ORG } from '../helpers';

test.describe.configure({ mode: 'serial' });

const ORG = TEST_ORG.slug;
const RUN = Date.now().toString(36);
const UNITS = [
	{ name: `Kortskolan ${RUN}`, code: `95${String(Date.now()).slice(-6)}` },
	{ name: `Qr-skolan ${RUN}`, code: `96${String(Date.now()).slice(-6)}` }
];
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

test('the administrator creates links for all units × two groups at once and prints them as QR cards', async ({ page }) => {
	test.setTimeout(120_000);
	await signInAsAdmin(page);
	for (const u of UNITS) await addSchoolUnit(page, ORG, u);
	await page.goto(`/${ORG}/skattning/ny`);
	await page.getByLabel('Namn på omgången').fill(`Kortomgången ${RUN}`);
	await page.getByLabel('Ramverk').selectOption('nationella-strategin@2026.1');
	for (const u of UNITS) await page.getByLabel(u.name, { exact: true }).check();
	for (const p of ['Ledning och rektor', 'Personal', 'Elever']) await page.getByLabel(p, { exact: true }).check();
	await page.getByLabel('Öppnar').fill(today());
	await page.getByLabel('Stänger').fill('2099-12-31');
	await page.getByRole('button', { name: 'Starta omgången' }).click();
	await expect(page).toHaveURL(/\/skattning\/[0-9a-f-]{36}\?klart=skapad$/);
	const roundPath = new URL(page.url()).pathname;

	// Nothing chosen: the message stands beside the groups.
	await page.getByRole('button', { name: 'Skapa länkarna' }).click();
	await expect(page.locator('#perspectives-error')).toContainText('Välj minst ett perspektiv');
	await expectAccessible(page);

	for (const p of ['Personal', 'Elever']) await page.getByLabel(p, { exact: true }).check();
	await page.getByRole('button', { name: 'Skapa länkarna' }).click();
	await expect(page.getByRole('status')).toHaveText('4 nya länkar skapades.');
	await expect(page.locator('code.url')).toHaveCount(4);
	await expectAccessible(page);

	for (const p of ['Personal', 'Elever']) await page.getByLabel(p, { exact: true }).check();
	await page.getByRole('button', { name: 'Skapa länkarna' }).click();
	await expect(page.getByRole('status')).toHaveText('0 nya länkar skapades. 4 länkar fanns redan och är oförändrade.');

	await page.getByRole('link', { name: 'Skriv ut länkarna med QR-koder' }).first().click();
	await expect(page).toHaveURL(new RegExp(`${roundPath}/lankblad$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Svarslänkar för Kortomgången ${RUN}`);
	const cards = page.locator('li.card');
	await expect(cards).toHaveCount(4);
	const qr = page.getByRole('img', { name: 'QR-kod till adressen på kortet' });
	await expect(qr).toHaveCount(4);
	for (const src of await qr.evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src))) {
		expect(src).toMatch(/^data:image\/svg\+xml;base64,/);
		expect(Buffer.from(src.split(',')[1], 'base64').toString()).toContain('<svg');
	}
	const first = cards.filter({ hasText: UNITS[0].name }).filter({ hasText: 'Personal' });
	await expect(first.locator('code')).toHaveText(/^http:\/\/localhost:\d+\/s\/[A-Za-z0-9_-]{40,}$/);
	await expectAccessible(page);

	// One group only, and the address on the card opens the answer page.
	await page.getByLabel('Visa grupp').selectOption('students');
	await page.getByRole('button', { name: 'Visa', exact: true }).click();
	await expect(cards).toHaveCount(2);
	await expect(cards.filter({ hasText: 'Personal' })).toHaveCount(0);

	// Printed: the instructions go, the cards stay whole.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByText('Använd webbläsarens utskrift')).toBeHidden();
	expect(await cards.first().evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
	await page.emulateMedia({ media: 'screen' });

	const url = await cards.first().locator('code').textContent();
	await page.goto(url!);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(page.url()).not.toContain('/logga-in');

	await page.goto(`${roundPath}/lankblad`);
	await page.getByRole('button', { name: 'In English' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Answer links for Kortomgången ${RUN}`);
	await expect(page.getByRole('img', { name: 'QR code for the address on the card' })).toHaveCount(4);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'På svenska' }).click();
});
