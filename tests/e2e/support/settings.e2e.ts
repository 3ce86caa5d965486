import { expect, test } from '@playwright/test';
import { expectAccessible } from '../axe';
import { signInAsAdmin, TEST_ADMIN, TEST_ORG } from '../helpers';

test.describe.configure({ mode: 'serial' });

const base = `/${TEST_ORG.slug}/admin/support`;

test.beforeEach(async ({ page }) => {
	await signInAsAdmin(page);
});

test('the administrator sets working hours and reminders; bad values are explained and kept', async ({ page }) => {
	await page.goto(base);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Supportinställningar');
	await expectAccessible(page);

	await page.getByLabel('Arbetsdagen börjar').fill('kvart över sju');
	await page.getByLabel('Påminn anmälaren efter (arbetsdagar)').fill('40');
	await page.getByLabel('Elever får anmäla själva').check();
	await page.getByRole('button', { name: 'Spara inställningarna' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Skriv en tid som TT:MM');
	await expect(summary).toContainText('från 1 till 30');
	await expect(page.getByLabel('Arbetsdagen börjar')).toHaveValue('kvart över sju');
	await expect(page.getByLabel('Påminn anmälaren efter (arbetsdagar)')).toHaveValue('40');
	await expect(page.getByLabel('Elever får anmäla själva')).toBeChecked();
	await expectAccessible(page);

	await page.getByLabel('Arbetsdagen börjar').fill('08:00');
	await page.getByLabel('Arbetsdagen slutar').fill('16:00');
	await page.getByLabel('Påminn anmälaren efter (arbetsdagar)').fill('2');
	await page.getByLabel('Räkna skollov som ledig tid').check();
	await page.getByRole('button', { name: 'Spara inställningarna' }).click();
	await expect(page.getByRole('status')).toHaveText('Inställningarna är sparade.');
	await expect(page.getByLabel('Arbetsdagen slutar')).toHaveValue('16:00');
	await expect(page.getByLabel('Påminn anmälaren efter (arbetsdagar)')).toHaveValue('2');
	await expect(page.getByLabel('Räkna skollov som ledig tid')).toBeChecked();
});

test('solved cases close by themselves after a number of working days; a bad number is explained and kept, empty means never', async ({
	page
}) => {
	await page.goto(base);
	const field = page.getByLabel('Stäng lösta ärenden automatiskt efter (arbetsdagar)');
	await expect(field).toHaveValue('5');
	await field.fill('61');
	await page.getByRole('button', { name: 'Spara inställningarna' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('från 0 till 60');
	await expect(summary.getByRole('link')).toHaveAttribute('href', '#closeSolvedDays');
	await expect(field).toHaveValue('61');
	await expectAccessible(page);

	await page.reload();
	await expect(field).toHaveValue('5');
	await field.fill('');
	await page.getByRole('button', { name: 'Spara inställningarna' }).click();
	await expect(page.getByRole('status')).toHaveText('Inställningarna är sparade.');
	await expect(field).toHaveValue('0');

	await field.fill('7');
	await page.getByRole('button', { name: 'Spara inställningarna' }).click();
	await expect(page.getByRole('status')).toHaveText('Inställningarna är sparade.');
	await expect(field).toHaveValue('7');
});

test('a central team is added and gets the administrator as a member', async ({ page }) => {
	await page.goto(base);
	await page.getByLabel('Teamets namn').fill('C');
	await page.getByLabel('Kedja', { exact: true }).first().selectOption('technical');
	await page.getByLabel('Linje', { exact: true }).selectOption('3');
	await page.getByRole('button', { name: 'Lägg till teamet' }).click();
	await expect(page.getByRole('alert')).toContainText('minst två tecken');
	await expect(page.getByRole('alert')).toContainText('leverantörens namn');
	await expect(page.getByLabel('Teamets namn')).toHaveValue('C');
	await expect(page.getByLabel('Linje', { exact: true })).toHaveValue('3');
	await expectAccessible(page);

	await page.getByLabel('Teamets namn').fill('Central IT-support');
	await page.getByLabel('Linje', { exact: true }).selectOption('2');
	await page.getByRole('button', { name: 'Lägg till teamet' }).click();
	await expect(page).toHaveURL(new RegExp(`${base}/team/[0-9a-f-]{36}`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Team: Central IT-support');
	await expect(page.getByText('Det finns inga fler huvudmän som du administrerar.')).toBeVisible();
	await expectAccessible(page);

	await page.getByLabel('Sök person').fill('ada');
	await page.getByRole('button', { name: 'Sök', exact: true }).click();
	const person = page.getByLabel('Person', { exact: true });
	await person.selectOption({ label: `${TEST_ADMIN.name} (${TEST_ADMIN.email})` });
	await page.getByRole('button', { name: 'Lägg till i teamet' }).click();
	await expect(page.getByRole('status')).toHaveText('Personen är tillagd i teamet.');
	await expect(page.getByRole('table', { name: 'Medlemmar' })).toContainText(TEST_ADMIN.name);
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Tillbaka till supportinställningarna' }).click();
	await expect(page.getByRole('link', { name: 'Central IT-support' })).toHaveAttribute('href', new RegExp(`^${base}/team/[0-9a-f-]{36}$`));
});

test('categories: a starter set for one chain and one of our own, renamed and archived', async ({ page }) => {
	await page.goto(base);
	await page.getByRole('button', { name: 'Lägg till förslag' }).last().click();
	await expect(page.getByRole('status')).toHaveText('Förslagen är tillagda.');
	await expect(page.getByRole('link', { name: 'Källkritik och säkerhet' })).toBeVisible();

	await page.getByLabel('Kategorins namn').fill('Interaktiv tavla');
	await page.getByRole('button', { name: 'Lägg till kategorin' }).click();
	await expect(page.getByRole('alert')).toContainText('Välj teknisk eller pedagogisk support.');
	await expect(page.getByLabel('Kategorins namn')).toHaveValue('Interaktiv tavla');
	await page.locator('#categoryChain').selectOption('technical');
	await page.getByLabel('Gäller utrustning').check();
	await page.getByRole('button', { name: 'Lägg till kategorin' }).click();
	await expect(page.getByRole('status')).toHaveText('Kategorin är tillagd.');

	await page.getByRole('link', { name: 'Interaktiv tavla' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kategori: Interaktiv tavla');
	await expect(page.getByLabel('Gäller utrustning')).toBeChecked();
	await expectAccessible(page);
	await page.getByLabel('Kategorins namn').fill('Interaktiv skärm');
	await page.getByRole('button', { name: 'Spara' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kategori: Interaktiv skärm');
	await page.getByRole('button', { name: 'Arkivera Interaktiv skärm' }).click();
	await expect(page.getByText('Kategorin är arkiverad och visas inte')).toBeVisible();
	await expectAccessible(page);
});

test('SLA: feedback within 3 working days is typed as 3 d and kept; a bare number is explained', async ({ page }) => {
	await page.goto(`${base}/sla`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Svarstider (SLA)');
	await expect(page.getByText('alltså 8 timmar')).toBeVisible();
	await expect(page.getByText('behåller de mål som gällde när de anmäldes')).toBeVisible();
	await expectAccessible(page);

	const feedback = page.getByLabel('Återkoppling, Teknisk support, Normal', { exact: true });
	const firstResponse = page.getByLabel('Första svar, Teknisk support, Hög – hindrar undervisningen', { exact: true });
	await feedback.fill('3');
	await firstResponse.fill('4 t');
	await page.getByRole('button', { name: 'Spara svarstiderna' }).click();
	await expect(page.getByRole('alert')).toContainText('Skriv t för timmar eller d för dagar');
	await expect(feedback).toHaveValue('3');
	await expect(firstResponse).toHaveValue('4 t');
	await expectAccessible(page);

	await feedback.fill('3 d');
	await page.getByRole('button', { name: 'Spara svarstiderna' }).click();
	await expect(page.getByRole('status')).toContainText('Svarstiderna är sparade.');
	await expect(feedback).toHaveValue('3 d');
	await expect(firstResponse).toHaveValue('4 t');
});

test('calendar: a lov week is added beside the Swedish holidays and can be removed', async ({ page }) => {
	await page.goto(`${base}/kalender`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kalender för svarstider');
	await expect(page.getByRole('table', { name: `Helgdagar ${new Date().getFullYear()}` })).toContainText('Midsommarafton');
	await expectAccessible(page);

	await page.getByLabel('Från och med').fill('2027-02-26');
	await page.getByLabel('Till och med').fill('2027-02-22');
	await page.getByLabel('Benämning').fill('Sportlov');
	await page.getByLabel('Typ').selectOption('lov');
	await page.getByRole('button', { name: 'Lägg till perioden' }).click();
	await expect(page.getByRole('alert')).toContainText('Slutdatumet får inte vara före startdatumet.');
	await expect(page.getByLabel('Benämning')).toHaveValue('Sportlov');
	await expect(page.getByLabel('Från och med')).toHaveValue('2027-02-26');
	await expectAccessible(page);

	await page.getByLabel('Från och med').fill('2027-02-22');
	await page.getByLabel('Till och med').fill('2027-02-26');
	await page.getByRole('button', { name: 'Lägg till perioden' }).click();
	await expect(page.getByRole('status')).toHaveText('Perioden är tillagd.');
	const own = page.getByRole('table', { name: 'Era egna lediga dagar och lov' });
	await expect(own).toContainText('Sportlov');
	await expect(own).toContainText('Lov');
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Ta bort Sportlov' }).click();
	await expect(page.getByRole('status')).toHaveText('Perioden är borttagen.');
	await expect(page.getByText('Inga egna dagar inlagda.')).toBeVisible();
	// Put it back: the lov week stays for the rest of the suite.
	await page.getByLabel('Från och med').fill('2027-02-22');
	await page.getByLabel('Till och med').fill('2027-02-26');
	await page.getByLabel('Benämning').fill('Sportlov');
	await page.getByLabel('Typ').selectOption('lov');
	await page.getByRole('button', { name: 'Lägg till perioden' }).click();
	await expect(page.getByRole('table', { name: 'Era egna lediga dagar och lov' })).toContainText('Sportlov');
});

test('the settings form works without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signInAsAdmin(page);
	await page.goto(base);
	await page.getByLabel('Stäng ärendet efter ytterligare (arbetsdagar)').fill('');
	await page.getByRole('button', { name: 'Spara inställningarna' }).click();
	await expect(page.getByRole('alert')).toContainText('från 1 till 60');
	await page.getByLabel('Stäng ärendet efter ytterligare (arbetsdagar)').fill('7');
	await page.getByRole('button', { name: 'Spara inställningarna' }).click();
	await expect(page.getByRole('status')).toHaveText('Inställningarna är sparade.');
	await expect(page.getByLabel('Stäng ärendet efter ytterligare (arbetsdagar)')).toHaveValue('7');
	await context.close();
});

test('the SLA page reads in English too', async ({ page }) => {
	await page.goto(`${base}/sla`);
	await page.getByRole('button', { name: 'In English' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Response times (SLA)');
	await expect(page.getByLabel('Feedback, Technical support, Normal', { exact: true })).toHaveValue('3 d');
	await expect(page.getByText('Changed targets apply to new cases only.', { exact: false })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'På svenska' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Svarstider (SLA)');
});
