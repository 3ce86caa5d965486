import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../axe';

test.describe.configure({ mode: 'serial' });

const ADMIN = { name: 'Ada Admin', email: 'ada@testkommun.se', password: 'ett riktigt långt lösenord' };
const CONTACT = 'tillganglighet@testkommun.se';
const TEST_ORG_SLUG = 'testkommun';
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

/** Signs the administrator in, setting the installation up first if it is still empty. */
async function signInAsAdmin(page: Page) {
	await page.goto('/');
	if (page.url().endsWith('/installera')) {
		await page.getByLabel('Huvudmannens namn').fill('Testkommun');
		await page.getByLabel('Sorts huvudman').selectOption('kommun');
		await page.getByLabel('Namn', { exact: true }).fill(ADMIN.name);
		await page.getByLabel('E-postadress').fill(ADMIN.email);
		await page.getByLabel('Lösenord').fill(ADMIN.password);
		await page.getByRole('button', { name: 'Skapa och logga in' }).click();
	} else if (!/\/testkommun$/.test(page.url())) {
		await page.goto('/logga-in');
		await page.getByLabel('E-postadress').fill(ADMIN.email);
		await page.getByLabel('Lösenord').fill(ADMIN.password);
		await page.getByRole('button', { name: 'Logga in' }).click();
	}
	await expect(page).toHaveURL(/\/testkommun$/);
}

test('an administrator writes the accessibility statement; bad dates and a missing contact are explained and nothing is saved', async ({
	page
}) => {
	await signInAsAdmin(page);
	await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Tillgänglighet', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tillgänglighetsredogörelse');
	await expectAccessible(page);

	await page.getByLabel('Innehåll som inte är tillgängligt').fill('PDF-bilagorna saknar taggar.');
	await page.getByLabel('Datum då redogörelsen upprättades').fill('2025-02-30');
	await page.getByLabel('Datum för senaste granskning').fill('2999-01-01');
	await page.getByRole('button', { name: 'Spara redogörelsen' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Skriv hur man kan kontakta er');
	await expect(summary).toContainText('Skriv ett datum som finns');
	await expect(summary).toContainText('kan inte ligga i framtiden');
	await expect(page.locator('#preparedOn-error')).toContainText('Skriv ett datum som finns');
	await expect(page.getByLabel('Innehåll som inte är tillgängligt')).toHaveValue('PDF-bilagorna saknar taggar.');
	await expectAccessible(page);
	await summary.getByRole('link', { name: /kontakta er/ }).click();
	await expect(page.getByLabel('Kontakt för brister och tillgängligt format')).toBeFocused();

	await page.reload();
	await expect(page.getByLabel('Innehåll som inte är tillgängligt')).toHaveValue('');

	// Partial compliance needs the known shortcomings, and the contact must reach someone.
	await page.getByLabel('Kontakt för brister och tillgängligt format').fill('Fråga rektorn');
	await page.getByLabel('Datum då redogörelsen upprättades').fill('2025-09-01');
	await page.getByRole('button', { name: 'Spara redogörelsen' }).click();
	await expect(page.locator('#nonCompliantContent-error')).toContainText('Beskriv de kända bristerna');
	await expect(page.locator('#feedbackContact-error')).toContainText('e-postadress, ett telefonnummer');
	await expect(page.getByLabel('Kontakt för brister och tillgängligt format')).toHaveValue('Fråga rektorn');
	await expectAccessible(page);

	await page.getByLabel('Innehåll som inte är tillgängligt').fill('PDF-bilagorna saknar taggar.');
	await page.getByLabel('Kontakt för brister och tillgängligt format').fill(CONTACT);
	await page.getByLabel('Datum då redogörelsen upprättades').fill('2025-09-01');
	await page.getByLabel('Datum för senaste granskning').fill(today);
	await page.getByRole('button', { name: 'Spara redogörelsen' }).click();
	await expect(page.getByRole('status')).toHaveText('Redogörelsen är sparad.');
	await expect(page.getByLabel('Kontakt för brister och tillgängligt format')).toHaveValue(CONTACT);
	await expectAccessible(page);
});

test('anyone can read the statements without signing in; an unknown organizer has none', async ({ page }) => {
	await page.goto('/logga-in');
	await page.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
	await expect(page).toHaveURL(/\/tillganglighet$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tillgänglighet i Rödtråd');
	await expect(page.getByText('WCAG 2.1 nivå AA')).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Tillgänglighetsredogörelse för Testkommun' }).click();
	await expect(page).toHaveURL(/\/testkommun\/tillganglighet$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tillgänglighetsredogörelse för Testkommun');
	await expect(page.getByText('uppfyller delvis kraven')).toBeVisible();
	await expect(page.getByText('PDF-bilagorna saknar taggar.')).toBeVisible();
	await expect(page.getByText(CONTACT)).toBeVisible();
	await expect(page.getByText('Redogörelsen upprättades 1 sep. 2025.')).toBeVisible();
	await expect(page.getByRole('link', { name: /Anmäl bristande tillgänglighet till Digg/ })).toHaveAttribute(
		'href',
		'https://www.digg.se/'
	);
	await expectAccessible(page);

	const missing = await page.goto('/ingen-sadan-huvudman/tillganglighet');
	expect(missing?.status()).toBe(404);
});

test('the audit log shows who changed the statement and who signed in, and can be filtered', async ({ page }) => {
	await signInAsAdmin(page);
	await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Händelselogg' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Händelselogg');
	await expectAccessible(page);

	const change = page.getByRole('row').filter({ hasText: 'Ändrade tillgänglighetsredogörelsen' });
	await expect(change).toHaveCount(1);
	await expect(change).toContainText(ADMIN.name);
	await expect(change).toContainText(/Kontakt: \(tomt\)\s*→\s*ändrades till tillganglighet@testkommun\.se/);
	await expect(change).not.toContainText(/[0-9a-f]{8}/);
	// Other lanes sign people in at the same time: the administrator's own sign-in is among the newest, not always first.
	await expect(page.getByRole('row').filter({ hasText: 'Loggade in' }).filter({ hasText: ADMIN.name }).first()).toBeVisible();
	// The installation's first event is old by now (other suites write to this log too): filter for it.
	await page.goto(`/${TEST_ORG_SLUG}/admin/logg?action=organizer.create`);
	await expect(page.getByRole('row').filter({ hasText: 'Skapade huvudmannen' })).toContainText('system/anonym');
	await page.goto(`/${TEST_ORG_SLUG}/admin/logg`);

	await page.getByLabel('Händelse').selectOption({ label: 'Ändrade tillgänglighetsredogörelsen' });
	await page.getByLabel('Vem').fill('ada');
	await page.getByLabel('Från och med datum').fill(today);
	await page.getByRole('button', { name: 'Filtrera' }).click();
	await expect(page).toHaveURL(/action=statement\.update/);
	await expect(page.getByRole('row')).toHaveCount(2);
	await expect(page.getByLabel('Vem')).toHaveValue('ada');
	await expectAccessible(page);

	await page.getByLabel('Vem').fill('ingen med det namnet');
	await page.getByRole('button', { name: 'Filtrera' }).click();
	await expect(page.getByText('Inga händelser stämmer med filtret.')).toBeVisible();

	await page.getByLabel('Vem').fill('');
	await page.getByLabel('Från och med datum').fill('2026-02-30');
	await page.getByLabel('Till och med datum').fill('i fjol');
	await page.getByRole('button', { name: 'Filtrera' }).click();
	await expect(page.getByRole('alert')).toContainText('Skriv ett datum som finns');
	await expect(page.locator('#from-error')).toContainText('Skriv ett datum som finns');
	await expect(page.locator('#to-error')).toContainText('Skriv ett datum som finns');
	await expect(page.getByLabel('Från och med datum')).toHaveValue('2026-02-30');
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Visa alla händelser' }).click();
	await expect(page.getByRole('row').filter({ hasText: 'Loggade in' }).first()).toBeVisible();
});

test('the statement can be changed and the change found in the log without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/logga-in');
	await page.getByLabel('E-postadress').fill(ADMIN.email);
	await page.getByLabel('Lösenord').fill(ADMIN.password);
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page).toHaveURL(/\/testkommun$/);

	await page.goto('/testkommun/admin/tillganglighet');
	await page.getByLabel('Hur väl uppfyller tjänsten kraven?').selectOption('full');
	await page.getByLabel('Datum då redogörelsen upprättades').fill('');
	await page.getByRole('button', { name: 'Spara redogörelsen' }).click();
	await expect(page.getByRole('alert')).toContainText('Skriv när redogörelsen upprättades');
	await page.getByLabel('Datum då redogörelsen upprättades').fill('2025-09-01');
	await page.getByRole('button', { name: 'Spara redogörelsen' }).click();
	await expect(page.getByRole('status')).toHaveText('Redogörelsen är sparad.');

	await page.goto('/testkommun/tillganglighet');
	await expect(page.getByText('uppfyller helt kraven')).toBeVisible();

	await page.goto('/testkommun/admin/logg');
	await page.getByLabel('Typ av post').selectOption({ label: 'Tillgänglighetsredogörelse' });
	await page.getByRole('button', { name: 'Filtrera' }).click();
	await expect(page.getByRole('row').filter({ hasText: 'Ändrade tillgänglighetsredogörelsen' })).toHaveCount(2);
	await expect(page.getByText(/Hur väl kraven uppfylls: Delvis\s*→\s*ändrades till Helt/)).toBeVisible();
	await context.close();
});
