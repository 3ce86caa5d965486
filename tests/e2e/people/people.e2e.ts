import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../axe';

test.describe.configure({ mode: 'serial' });

const ADMIN = { email: 'ada@testkommun.se', password: 'ett riktigt långt lösenord' };
const PEOPLE = '/testkommun/admin/personer';

/** Signs in as the first administrator, installing Testkommun first when the database is empty. */
async function signInAsAdmin(page: Page) {
	await page.goto('/');
	if (page.url().endsWith('/installera')) {
		await page.getByLabel('Huvudmannens namn').fill('Testkommun');
		await page.getByLabel('Sorts huvudman').selectOption('kommun');
		await page.getByLabel('Namn', { exact: true }).fill('Ada Admin');
		await page.getByLabel('E-postadress').fill(ADMIN.email);
		await page.getByLabel('Lösenord').fill(ADMIN.password);
		await page.getByRole('button', { name: 'Skapa och logga in' }).click();
	} else if (page.url().includes('/logga-in')) {
		await page.getByLabel('E-postadress').fill(ADMIN.email);
		await page.getByLabel('Lösenord').fill(ADMIN.password);
		await page.getByRole('button', { name: 'Logga in' }).click();
	}
	await expect(page).toHaveURL(/\/testkommun$/);
}

async function addPerson(page: Page, name: string, email: string) {
	await page.goto(`${PEOPLE}/ny`);
	await page.getByLabel('Namn', { exact: true }).fill(name);
	await page.getByLabel('E-postadress').fill(email);
	await page.getByRole('button', { name: 'Lägg till person' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

test('an administrator adds a person, is told about a duplicate e-mail, and gives the person a role', async ({ page }) => {
	await signInAsAdmin(page);
	await page.getByRole('link', { name: 'Personer' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Personer');
	await expect(page.getByRole('main').getByRole('link', { name: 'Ada Admin', exact: true })).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Lägg till person' }).click();
	await expect(page.getByText('Samma person blir i stället medlem även här')).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Namn', { exact: true }).fill('Åsa Örn');
	await page.getByLabel('E-postadress').fill('Asa.Orn@Testkommun.se');
	await page.getByLabel('Personen har skyddad identitet').check();
	await page.getByRole('button', { name: 'Lägg till person' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Åsa Örn');
	await expect(page.getByRole('status')).toHaveText('Personen är tillagd. Ge hen en roll nedan.');
	await expect(page.getByLabel('E-postadress')).toHaveValue('asa.orn@testkommun.se');
	await expectAccessible(page);
	const personUrl = page.url().split('?')[0];

	// The same e-mail again: an explanation on the field, what was typed is kept, nothing is created.
	await page.goto(`${PEOPLE}/ny`);
	await page.getByLabel('Namn', { exact: true }).fill('Åsa Dubblett');
	await page.getByLabel('E-postadress').fill('ASA.ORN@testkommun.se');
	await page.getByLabel('eduPersonPrincipalName').fill('asa@testkommun.se');
	await page.getByRole('button', { name: 'Lägg till person' }).click();
	await expect(page.getByRole('alert')).toContainText('Det finns redan en person med den e-postadressen');
	await expect(page.getByLabel('Namn', { exact: true })).toHaveValue('Åsa Dubblett');
	await expect(page.getByLabel('E-postadress')).toHaveValue('ASA.ORN@testkommun.se');
	await expect(page.getByLabel('eduPersonPrincipalName')).toHaveValue('asa@testkommun.se');
	await expectAccessible(page);
	await page.getByRole('alert').getByRole('link').click();
	await expect(page.getByLabel('E-postadress')).toBeFocused();

	// A role with the end before the start is refused with the dates kept; then it is added.
	await page.goto(personUrl);
	await page.getByLabel('Roll', { exact: true }).selectOption({ label: 'Personal' });
	await page.getByLabel('Från och med (valfritt)').fill('2026-08-01');
	await page.getByLabel('Till och med (valfritt)').fill('2026-07-01');
	await page.getByRole('button', { name: 'Lägg till roll' }).click();
	await expect(page.getByRole('alert')).toContainText('Slutdatumet kan inte vara före startdatumet');
	await expect(page.getByLabel('Från och med (valfritt)')).toHaveValue('2026-08-01');
	await expect(page.getByLabel('Roll', { exact: true })).toHaveValue('staff');
	await expectAccessible(page);
	await page.getByLabel('Till och med (valfritt)').fill('2027-06-30');
	await page.getByRole('button', { name: 'Lägg till roll' }).click();
	await expect(page.getByRole('status')).toHaveText('Rollen är tillagd.');
	const row = page.getByRole('row', { name: /Personal/ });
	await expect(row).toContainText('Hela huvudmannen');
	await expect(row).toContainText('2026');
	await expectAccessible(page);

	// The same role again overlaps: a clear message.
	await page.getByLabel('Roll', { exact: true }).selectOption({ label: 'Personal' });
	await page.getByRole('button', { name: 'Lägg till roll' }).click();
	await expect(page.getByRole('alert')).toContainText('har redan den rollen');

	await page.goto(personUrl);
	await page.getByRole('button', { name: 'Ta bort rollen Personal' }).click();
	await expect(page.getByRole('status')).toHaveText('Rollen är borttagen.');
	await expect(page.getByText('Personen har ingen roll ännu')).toBeVisible();

	await page.getByRole('button', { name: 'Inaktivera' }).click();
	await expect(page.getByRole('status')).toHaveText('Personen är inaktiverad och utloggad överallt.');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Aktivera igen' }).click();
	await expect(page.getByRole('button', { name: 'Inaktivera' })).toBeVisible();
});

test('the people list is searched and paged in Swedish order', async ({ page }) => {
	await signInAsAdmin(page);
	const names = [
		'Adam Sidby',
		'Bo Sidby',
		'Cia Sidby',
		'Dan Sidby',
		'Eva Sidby',
		'Fia Sidby',
		'Gun Sidby',
		'Zara Sidby',
		'Örjan Sidby',
		'Ärla Sidby',
		'Åsa Sidby'
	];
	for (const [i, name] of names.entries()) await addPerson(page, name, `sidby${i}@testkommun.se`);

	await page.goto(PEOPLE);
	await page.getByLabel('Sök på namn eller e-post').fill('SIDBY');
	await page.getByLabel('Antal per sida').selectOption('10');
	await page.getByRole('button', { name: 'Sök' }).click();
	await expect(page).toHaveURL(/q=SIDBY/);
	const nameLinks = page.getByRole('table').getByRole('link');
	await expect(nameLinks).toHaveCount(10);
	await expect(nameLinks.nth(7)).toHaveText('Zara Sidby');
	await expect(nameLinks.nth(8)).toHaveText('Åsa Sidby');
	await expect(nameLinks.nth(9)).toHaveText('Ärla Sidby');
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Nästa sida' }).click();
	await expect(page).toHaveURL(/efter=/);
	await expect(nameLinks).toHaveText(['Örjan Sidby']);
	await expect(page.getByRole('link', { name: 'Nästa sida' })).toHaveCount(0);
	await expect(page.getByLabel('Sök på namn eller e-post')).toHaveValue('SIDBY');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Till första sidan' }).click();
	await expect(nameLinks.first()).toHaveText('Adam Sidby');

	await page.getByLabel('Sök på namn eller e-post').fill('finns inte alls');
	await page.getByRole('button', { name: 'Sök' }).click();
	await expect(page.getByText('Ingen person matchar ”finns inte alls”')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Lägg till person' }).first()).toBeVisible();
	await expectAccessible(page);
});

test('a tampered person or unit id gives a plain not-found page', async ({ page }) => {
	await signInAsAdmin(page);
	for (const path of [`${PEOPLE}/inte-ett-id`, `${PEOPLE}/00000000-0000-0000-0000-000000000000`, '/testkommun/admin/roller/inte-ett-id']) {
		const response = await page.goto(path);
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Något gick fel');
	}
	await expectAccessible(page);
});

// axe needs scripts, so this flow checks behaviour only; the same pages are checked with axe above.
test('without JavaScript an administrator adds a person, gives a role and deactivates them', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signInAsAdmin(page);
	await addPerson(page, 'Nils Utan Skript', 'nils@testkommun.se');
	await expect(page.getByRole('status')).toHaveText('Personen är tillagd. Ge hen en roll nedan.');
	await page.getByLabel('Roll', { exact: true }).selectOption({ label: 'Rektor' });
	await page.getByRole('button', { name: 'Lägg till roll' }).click();
	await expect(page.getByRole('status')).toHaveText('Rollen är tillagd.');
	await expect(page.getByRole('row', { name: /Rektor/ })).toBeVisible();

	await page.getByLabel('Namn', { exact: true }).fill('Nils Skriptfri');
	await page.getByRole('button', { name: 'Spara ändringar' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nils Skriptfri');
	await expect(page.getByRole('status')).toHaveText('Ändringarna är sparade.');

	await page.getByRole('button', { name: 'Inaktivera' }).click();
	await expect(page.getByRole('status')).toHaveText('Personen är inaktiverad och utloggad överallt.');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Inaktiv');
	await page.getByRole('button', { name: 'Aktivera igen' }).click();
	await expect(page.getByRole('status')).toHaveText('Personen är aktiv igen och kan logga in.');
	await context.close();
});
