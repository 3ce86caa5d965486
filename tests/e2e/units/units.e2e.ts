import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../axe';

test.describe.configure({ mode: 'serial' });

// The same first administrator as the foundation test, so the files run in any order on one server.
const ORG = 'Testkommun';
const SLUG = 'testkommun';
const EMAIL = 'ada@testkommun.se';
const PASSWORD = 'ett riktigt långt lösenord';
const UNITS = `/${SLUG}/admin/enheter`;

let freshInstall = false;

/** Installs Rödtråd when the server is new, otherwise signs in as its first administrator. */
async function signIn(page: Page) {
	// Wait for the page to settle: text typed before hydration could be reset.
	await page.goto('/installera', { waitUntil: 'networkidle' });
	if (page.url().endsWith('/installera')) {
		freshInstall = true;
		await page.getByLabel('Huvudmannens namn').fill(ORG);
		await page.getByLabel('Sorts huvudman').selectOption('kommun');
		await page.getByLabel('Namn', { exact: true }).fill('Ada Admin');
		await page.getByLabel('E-postadress').fill(EMAIL);
		await page.getByLabel('Lösenord').fill(PASSWORD);
		await page.getByRole('button', { name: 'Skapa och logga in' }).click();
	} else {
		await page.getByLabel('E-postadress').fill(EMAIL);
		await page.getByLabel('Lösenord').fill(PASSWORD);
		await page.getByRole('button', { name: 'Logga in' }).click();
	}
	await expect(page).toHaveURL(new RegExp(`/${SLUG}$`));
}

const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

test('an administrator builds the unit tree: a förvaltning, a skolenhet under it and a förskoleenhet', async ({ page }) => {
	await signIn(page);
	await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Enheter' }).click();
	await expect(page).toHaveURL(new RegExp(`${UNITS}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enheter');
	if (freshInstall) {
		await expect(page.getByRole('heading', { name: 'Här finns inga enheter än' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Importera enheter från en CSV-fil' })).toHaveAttribute('href', `/${SLUG}/admin/import`);
	}
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Lägg till enhet' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lägg till enhet');
	await expectAccessible(page);
	await page.getByLabel('Namn', { exact: true }).fill('Ekby utbildningsförvaltning');
	await page.getByLabel('Typ av enhet').selectOption('forvaltning');
	await page.getByRole('button', { name: 'Lägg till enheten' }).click();
	await expect(page).toHaveURL(new RegExp(`${UNITS}\\?klart=skapad$`));
	await expect(page.getByRole('status')).toHaveText('Enheten är tillagd.');
	await expect(row(page, 'Ekby utbildningsförvaltning')).toContainText('Förvaltning');

	await page.getByRole('link', { name: 'Lägg till enhet' }).click();
	await page.getByLabel('Namn', { exact: true }).fill('Ekbyskolan');
	await page.getByLabel('Typ av enhet').selectOption('skolenhet');
	await page.getByLabel('Ligger under').selectOption({ label: 'Ekby utbildningsförvaltning' });
	await page.getByLabel('Skolenhetskod').fill('31415926');
	await page.getByLabel('Förskoleklass (FKLASS)').check();
	await page.getByLabel('Grundskola (GR)').check();
	await page.getByRole('button', { name: 'Lägg till enheten' }).click();
	await expect(page.getByRole('status')).toHaveText('Enheten är tillagd.');
	const school = row(page, 'Ekbyskolan');
	await expect(school).toContainText('nivå 2');
	await expect(school).toContainText('31415926');
	await expect(school).toContainText('Förskoleklass, Grundskola');
	await expectAccessible(page);

	// The förskoleenhet gets the skolenhet's code by mistake: the error sits at the field, and nothing typed is lost.
	await page.getByRole('link', { name: 'Lägg till enhet' }).click();
	await page.getByLabel('Namn', { exact: true }).fill('Förskolan Lärkan');
	await page.getByLabel('Typ av enhet').selectOption('forskoleenhet');
	await page.getByLabel('Skolenhetskod').fill('31415926');
	await page.getByLabel('Förskola (FS)').check();
	await page.getByRole('button', { name: 'Lägg till enheten' }).click();
	await expect(page.getByRole('alert')).toContainText('används redan');
	await expect(page.locator('#schoolUnitCode-error')).toContainText('används redan');
	await expect(page.getByLabel('Skolenhetskod')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Namn', { exact: true })).toHaveValue('Förskolan Lärkan');
	await expect(page.getByLabel('Typ av enhet')).toHaveValue('forskoleenhet');
	await expect(page.getByLabel('Skolenhetskod')).toHaveValue('31415926');
	await expect(page.getByLabel('Förskola (FS)')).toBeChecked();
	await expectAccessible(page);
	await page.getByRole('alert').getByRole('link').click();
	await expect(page.getByLabel('Skolenhetskod')).toBeFocused();
	await page.getByLabel('Skolenhetskod').fill('27182818');
	await page.getByRole('button', { name: 'Lägg till enheten' }).click();
	await expect(page.getByRole('status')).toHaveText('Enheten är tillagd.');
	await expect(row(page, 'Förskolan Lärkan')).toContainText('Förskoleenhet');
});

test('an administrator renames a unit and archives another', async ({ page }) => {
	await signIn(page);
	await page.goto(UNITS);
	await page.getByRole('link', { name: 'Ekbyskolan', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ändra Ekbyskolan');
	await expect(page.getByLabel('Grundskola (GR)')).toBeChecked();
	await expect(page.getByLabel('Ligger under')).toHaveValue(/.+/);
	await expectAccessible(page);
	await page.getByLabel('Namn', { exact: true }).fill('Ekbyskolan F–6');
	await page.getByLabel('Fritidshem (FTH)').check();
	await page.getByRole('button', { name: 'Spara ändringarna' }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringarna är sparade.');
	await expect(row(page, 'Ekbyskolan F–6')).toContainText('Förskoleklass, Fritidshem, Grundskola');

	// A förvaltning with a unit under it cannot be archived; the page says why.
	await page.getByRole('link', { name: 'Ekby utbildningsförvaltning', exact: true }).click();
	await page.getByRole('button', { name: 'Arkivera Ekby utbildningsförvaltning' }).click();
	await expect(page.getByRole('alert')).toContainText('Flytta eller arkivera dem först');
	await expectAccessible(page);

	await page.goto(UNITS);
	await page.getByRole('link', { name: 'Förskolan Lärkan', exact: true }).click();
	await page.getByRole('button', { name: 'Arkivera Förskolan Lärkan' }).click();
	await expect(page.getByRole('status')).toHaveText('Enheten är arkiverad.');
	const archived = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Arkiverad' }) });
	await expect(archived.getByRole('link', { name: 'Förskolan Lärkan' })).toBeVisible();
	await expect(page.getByRole('table').first().getByRole('link', { name: 'Förskolan Lärkan' })).toHaveCount(0);
	await expectAccessible(page);

	await archived.getByRole('link', { name: 'Förskolan Lärkan' }).click();
	await expect(page.getByRole('button', { name: 'Återställ Förskolan Lärkan' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Spara ändringarna' })).toHaveCount(0);
	await expectAccessible(page);
});

test("another organizer's or a made-up unit id gives the not-found page", async ({ page }) => {
	await signIn(page);
	for (const id of ['00000000-0000-4000-8000-000000000000', 'inte-ett-id']) {
		const response = await page.goto(`${UNITS}/${id}`);
		expect(response?.status()).toBe(404);
	}
});

test('the whole flow works without JavaScript: a mistake, a fix, a move and a restore', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page);
	await page.goto(`${UNITS}/ny`);
	await page.getByLabel('Namn', { exact: true }).fill('Ekby kulturskola');
	await page.getByLabel('Typ av enhet').selectOption('ovrigt');
	await page.getByLabel('Skolenhetskod').fill('1234567');
	await page.getByLabel('Kulturskola (KU)').check();
	await page.getByRole('button', { name: 'Lägg till enheten' }).click();
	await expect(page.getByRole('alert')).toContainText('åtta siffror');
	await expect(page.getByLabel('Kulturskola (KU)')).toBeChecked();
	// axe needs JavaScript to run; these pages were checked with it in the tests above.
	await page.getByLabel('Skolenhetskod').fill('');
	await page.getByRole('button', { name: 'Lägg till enheten' }).click();
	await expect(page.getByRole('status')).toHaveText('Enheten är tillagd.');

	await page.getByRole('link', { name: 'Ekby kulturskola', exact: true }).click();
	await page.getByLabel('Ligger under').selectOption({ label: 'Ekby utbildningsförvaltning' });
	await page.getByRole('button', { name: 'Flytta enheten' }).click();
	await expect(page.getByRole('status')).toHaveText('Enheten är flyttad.');
	await expect(row(page, 'Ekby kulturskola')).toContainText('nivå 2');

	await page.getByRole('link', { name: 'Förskolan Lärkan', exact: true }).click();
	await page.getByRole('button', { name: 'Återställ Förskolan Lärkan' }).click();
	await expect(page.getByRole('status')).toHaveText('Enheten är återställd.');
	await expect(row(page, 'Förskolan Lärkan')).toContainText('27182818');
	await context.close();
});
