/**
 * "Ni sa – vi gör" through an anonymous link: once the round has closed, whoever holds the
 * class's link reads what the unit and the organizer concluded, without names or figures.
 * (The demo's closed rounds have no links and closed rounds take no new ones, so this runs
 * on the features server: a round is opened, given a link, closed early and concluded.)
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from '../axe';
import { TEST_ADMIN, TEST_ORG, signInAsAdmin } from '../helpers';

test.describe.configure({ mode: 'serial' });

const UNIT = 'Slutsatsskolan';
const CONCLUSION = 'Alla skolor får gemensam fortbildning i digital säkerhet under våren.';
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

let linkPath = '';
let roundPath = '';

test('an administrator opens a round with a student link, closes it early and writes the organizer’s conclusion', async ({ page }) => {
	await signInAsAdmin(page);
	await page.goto(`/${TEST_ORG.slug}/admin/enheter/ny`, { waitUntil: 'networkidle' });
	await page.getByLabel('Namn', { exact: true }).fill(UNIT);
	await page.getByLabel('Typ av enhet').selectOption('skola');
	await page.getByRole('button', { name: 'Lägg till enheten' }).click();
	await expect(page.getByRole('status')).toHaveText('Enheten är tillagd.');

	await page.goto(`/${TEST_ORG.slug}/skattning/ny`, { waitUntil: 'networkidle' });
	await page.getByLabel('Namn på omgången').fill('Slutsatsomgången');
	await page.getByLabel('Ramverk').selectOption('nationella-strategin@2026.1');
	await page.getByLabel(UNIT, { exact: true }).check();
	await page.getByLabel('Elever').check();
	await page.getByLabel('Öppnar').fill(today());
	await page.getByLabel('Stänger').fill('2099-12-31');
	await page.getByRole('button', { name: 'Starta omgången' }).click();
	await expect(page).toHaveURL(/\/skattning\/[0-9a-f-]{36}\?klart=skapad$/);
	roundPath = new URL(page.url()).pathname;

	await page.getByRole('button', { name: `Skapa länk för ${UNIT}, Elever` }).click();
	linkPath = new URL((await page.locator('code.url').first().textContent())!.trim(), page.url()).pathname;
	expect(linkPath).toMatch(/^\/s\/.+/);

	await page.getByRole('button', { name: 'Stäng omgången nu' }).click();
	await expect(page.getByRole('status')).toHaveText('Omgången är stängd.');

	await page.goto(`${roundPath}/resultat`);
	await page.locator('#organizer-scope').selectOption('sg:1.1');
	await page.getByLabel('Vad huvudmannen kom fram till och vad vi gör nu').fill(CONCLUSION);
	await page.getByRole('button', { name: 'Spara slutsatsen' }).last().click();
	await expect(page.getByRole('status')).toHaveText('Slutsatsen är sparad.');
});

test('anyone holding the link sees the organizer’s conclusion and that the unit has not written one yet, without names', async ({
	browser
}) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(linkPath);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Skattningen är stängd');
	await expect(page.getByRole('heading', { level: 2, name: 'Ni sa – vi gör' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 3, name: `Vad ${UNIT} kom fram till` })).toBeVisible();
	await expect(page.getByText('Enheten har inte skrivit någon slutsats än.')).toBeVisible();
	const organizer = page.getByRole('listitem').filter({ hasText: CONCLUSION });
	await expect(organizer).toBeVisible();
	await expect(organizer).toContainText('Delmål 1.1');
	await expect(organizer).toContainText(/· Skriven \d{1,2} \S+ \d{4}/);
	await expect(page.locator('main')).not.toContainText(TEST_ADMIN.name);
	await expect(page.locator('main').getByRole('button')).toHaveCount(0);
	await expectAccessible(page);
	await context.close();
});

test('the same page without JavaScript shows the conclusions too, and an unknown link is not found', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(linkPath);
	await expect(page.getByText(CONCLUSION)).toBeVisible();
	const res = await page.goto(`${linkPath}x`);
	expect(res?.status()).toBe(404);
	await expect(page.getByText(CONCLUSION)).toHaveCount(0);
	await context.close();
});

test('the forms to change and remove a conclusion, and a refused change, pass axe', async ({ page }) => {
	await signInAsAdmin(page);
	await page.goto(`${roundPath}/resultat`);
	const item = page.getByRole('listitem').filter({ hasText: CONCLUSION });
	await item.getByRole('link', { name: /^Ändra/ }).click();
	await expect(page.getByRole('heading', { name: 'Ändra slutsatsen' })).toBeVisible();
	await expectAccessible(page);
	await page.locator('#edit-summary').fill('');
	await page.getByRole('button', { name: 'Spara ändringen' }).click();
	await expect(page.getByRole('alert')).toContainText('Skriv vad ni kom fram till');
	await expectAccessible(page);
	await page.goto(`${roundPath}/resultat`);
	await page
		.getByRole('listitem')
		.filter({ hasText: CONCLUSION })
		.getByRole('link', { name: /^Ta bort/ })
		.click();
	await expect(page.getByRole('heading', { name: 'Vill du ta bort slutsatsen?' })).toBeVisible();
	await expectAccessible(page);
});

test('without JavaScript the administrator changes the conclusion, is stopped by an empty text, and removes it after confirming', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signInAsAdmin(page);
	await page.goto(`${roundPath}/resultat`);
	const item = page.getByRole('listitem').filter({ hasText: CONCLUSION });
	await item.getByRole('link', { name: /^Ändra/ }).click();
	await expect(page.getByRole('heading', { name: 'Ändra slutsatsen' })).toBeVisible();
	await expect(page.locator('#edit-scope')).toHaveValue('sg:1.1');
	await expect(page.locator('#edit-summary')).toHaveValue(CONCLUSION);

	await page.locator('#edit-summary').fill('   ');
	await page.getByRole('button', { name: 'Spara ändringen' }).click();
	await expect(page.getByRole('alert')).toContainText('Skriv vad ni kom fram till');
	await expect(page.locator('#edit-summary')).toBeVisible();

	const changed = `${CONCLUSION} Vi börjar i mars.`;
	await page.locator('#edit-summary').fill(changed);
	await page.locator('#edit-scope').selectOption('');
	await page.getByRole('button', { name: 'Spara ändringen' }).click();
	await expect(page.getByRole('status')).toHaveText('Slutsatsen är ändrad.');
	const after = page.getByRole('listitem').filter({ hasText: changed });
	await expect(after).toContainText('Hela omgången');

	await after.getByRole('link', { name: /^Ta bort/ }).click();
	await expect(page.getByRole('heading', { name: 'Vill du ta bort slutsatsen?' })).toBeVisible();
	await page.getByRole('link', { name: 'Avbryt' }).click();
	await expect(page.getByText(changed)).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Vill du ta bort slutsatsen?' })).toHaveCount(0);

	await page
		.getByRole('listitem')
		.filter({ hasText: changed })
		.getByRole('link', { name: /^Ta bort/ })
		.click();
	await page.getByRole('button', { name: 'Ja, ta bort slutsatsen' }).click();
	await expect(page.getByRole('status')).toHaveText('Slutsatsen är borttagen.');
	await expect(page.getByText(changed)).toHaveCount(0);

	await page.goto(`/${TEST_ORG.slug}/admin/logg?action=conclusion.delete`);
	await expect(page.getByRole('cell', { name: 'Tog bort en slutsats från Ni sa – vi gör' }).first()).toBeVisible();
	await context.close();
});
