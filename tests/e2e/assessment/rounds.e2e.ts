import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../axe';
import { signInAsAdmin, TEST_ORG } from '../helpers';

test.describe.configure({ mode: 'serial' });

const ROUNDS = `/${TEST_ORG.slug}/skattning`;
const UNITS = [
	{ name: 'Omgångsskolan Norr', code: '55501001' },
	{ name: 'Omgångsskolan Söder', code: '55501002' }
];

/** Creates the test's two school units through the admin pages, unless an earlier run made them. */
async function ensureUnits(page: Page) {
	await page.goto(`/${TEST_ORG.slug}/admin/enheter`);
	for (const u of UNITS) {
		if (await page.getByRole('link', { name: u.name, exact: true }).count()) continue;
		await page.goto(`/${TEST_ORG.slug}/admin/enheter/ny`, { waitUntil: 'networkidle' });
		await page.getByLabel('Namn', { exact: true }).fill(u.name);
		await page.getByLabel('Typ av enhet').selectOption('skolenhet');
		await page.getByLabel('Skolenhetskod').fill(u.code);
		await page.getByLabel('Grundskola (GR)').check();
		await page.getByRole('button', { name: 'Lägg till enheten' }).click();
		await expect(page.getByRole('status')).toHaveText('Enheten är tillagd.');
	}
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const today = iso(new Date());
const inDays = (n: number) => iso(new Date(Date.now() + n * 86_400_000));

test('an administrator opens a round for two units, sees zero responses and shares anonymous links', async ({ page, baseURL }) => {
	await signInAsAdmin(page);
	await ensureUnits(page);

	await page.goto(`/${TEST_ORG.slug}`);
	await expect(page.getByRole('heading', { name: 'Självskattning', level: 2 })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Självskattning' }).click();
	await expect(page).toHaveURL(new RegExp(`${ROUNDS}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Självskattning');
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Starta en ny omgång' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Starta en skattningsomgång');
	await expectAccessible(page);

	// Closing before opening, and no unit ticked: both errors next to their fields, nothing typed is lost.
	await page.getByLabel('Namn på omgången').fill('Skattning hösten');
	await page.getByLabel('Ramverk').selectOption('nationella-strategin@2026.1');
	await page.getByLabel('Öppnar').fill(inDays(5));
	await page.getByLabel('Stänger').fill(inDays(1));
	await page.getByRole('button', { name: 'Starta omgången' }).click();
	await expect(page.getByRole('alert')).toContainText('Välj minst en enhet');
	await expect(page.getByRole('alert')).toContainText('Stängningsdagen kan inte ligga före');
	await expect(page.locator('#closesOn-error')).toContainText('Stängningsdagen kan inte ligga före');
	await expect(page.locator('#unitIds-error')).toContainText('Välj minst en enhet');
	await expect(page.getByLabel('Namn på omgången')).toHaveValue('Skattning hösten');
	await expect(page.getByLabel('Ramverk')).toHaveValue('nationella-strategin@2026.1');
	await expect(page.getByLabel('Öppnar')).toHaveValue(inDays(5));
	await expect(page.getByLabel('Elever')).toBeChecked();
	await expectAccessible(page);

	await page.getByLabel('Öppnar').fill(today);
	await page.getByLabel('Stänger').fill(inDays(30));
	for (const u of UNITS) await page.getByLabel(u.name, { exact: true }).check();
	await page.getByRole('button', { name: 'Starta omgången' }).click();
	await expect(page.getByRole('status')).toHaveText('Omgången är skapad.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Skattning hösten');
	const rates = page.getByRole('table', { name: 'Svarsläge per enhet och grupp' });
	for (const u of UNITS) {
		await expect(rates.getByRole('row', { name: new RegExp(u.name) })).toContainText('0 inskickade, 0 påbörjade');
	}
	await expectAccessible(page);

	// An anonymous link for the students of one unit, then a replacement: the address changes.
	const what = `${UNITS[0].name}, Elever`;
	await page.getByRole('button', { name: `Skapa länk för ${what}` }).click();
	await expect(page.getByRole('status')).toHaveText('Länken är skapad.');
	const cell = page.getByRole('row').filter({ has: page.getByRole('button', { name: `Ersätt länken för ${what}` }) });
	const first = (await cell.locator('code').textContent())!;
	expect(first).toMatch(new RegExp(`^${baseURL}/s/[A-Za-z0-9_-]{40,}$`));
	await expectAccessible(page);
	await page.getByRole('button', { name: `Ersätt länken för ${what}` }).click();
	await expect(page.getByRole('status')).toHaveText('Länken är ersatt. Den gamla adressen fungerar inte längre.');
	await expect(cell.locator('code')).not.toHaveText(first);

	await page.getByRole('link', { name: 'Ändra omgången' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ändra Skattning hösten');
	await expect(page.getByLabel(UNITS[1].name, { exact: true })).toBeChecked();
	await expectAccessible(page);
	await page.getByLabel('Namn på omgången').fill('Skattning hösten 2026');
	await page.getByRole('button', { name: 'Spara ändringarna' }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringarna är sparade.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Skattning hösten 2026');

	await page.getByRole('link', { name: /Egna punkter/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Egna punkter i Skattning hösten 2026');
	await expectAccessible(page);
	await page.getByLabel('Delmål', { exact: true }).selectOption('1.1');
	await page.getByLabel('Påstående').fill('Vi följer läsutvecklingen digitalt');
	for (const [n, text] of [
		[1, 'Inte alls'],
		[2, 'I några klasser'],
		[3, 'I de flesta klasser'],
		[4, 'Överallt och uppföljt']
	] as const) {
		await page.getByLabel(`Nivå ${n}`).fill(text);
	}
	await page.getByRole('button', { name: 'Lägg till punkten' }).click();
	await expect(page.getByRole('status')).toHaveText('Punkten är tillagd.');
	await expect(page.getByRole('row', { name: /Vi följer läsutvecklingen digitalt/ })).toContainText(
		'egen.vi-foljer-lasutvecklingen-digitalt'
	);
	await expectAccessible(page);

	await page.goto(ROUNDS);
	await expect(page.getByRole('row', { name: /Skattning hösten 2026/ })).toContainText('Öppen');
});

test('without JavaScript: a mistake, a fix, a round created and closed early', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signInAsAdmin(page);
	await page.goto(`${ROUNDS}/ny`);
	await page.getByLabel('Namn på omgången').fill('Utan skript');
	await page.getByLabel(UNITS[1].name, { exact: true }).check();
	await page.getByLabel('Öppnar').fill(today);
	await page.getByLabel('Stänger').fill(inDays(10));
	await page.getByRole('button', { name: 'Starta omgången' }).click();
	await expect(page.getByRole('alert')).toContainText('Välj ett ramverk');
	await expect(page.getByLabel(UNITS[1].name, { exact: true })).toBeChecked();
	// axe needs JavaScript to run; these pages were checked with it in the test above.
	await page.getByLabel('Ramverk').selectOption('nationella-strategin@2026.1');
	await page.getByRole('button', { name: 'Starta omgången' }).click();
	await expect(page.getByRole('status')).toHaveText('Omgången är skapad.');
	await page.getByRole('button', { name: 'Stäng omgången nu' }).click();
	await expect(page.getByRole('status')).toHaveText('Omgången är stängd.');
	await expect(page.getByRole('link', { name: 'Ändra omgången' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: /Skapa länk/ })).toHaveCount(0);
	await context.close();
});
