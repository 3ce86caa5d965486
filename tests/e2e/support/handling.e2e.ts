import { expect, test } from '@playwright/test';
import { expectAccessible } from '../axe';
import { addPersonWithRole, setPasswordThroughOutbox, signIn, signInAsAdmin, TEST_ORG } from '../helpers';
import { formsSettled } from '../forms/settled';

test.describe.configure({ mode: 'serial' });

const ORG = `/${TEST_ORG.slug}`;
const UNIT = 'Hanteringsskolan';
const KEY = {
	name: 'Kim Nyckelsson',
	email: 'kim.nyckel@testkommun.se',
	password: 'nyckelpersonens långa lösenord',
	role: 'Teknisk nyckelperson (1:a linjen)'
};
const STAFF = { name: 'Sam Lärarsson', email: 'sam.larare@testkommun.se', password: 'lärarens eget långa lösenord', role: 'Personal' };

test('an administrator sets up a unit with a technical key person and a teacher, who set their own passwords', async ({
	page,
	browser
}) => {
	await signInAsAdmin(page);
	await page.goto(`${ORG}/admin/enheter/ny`);
	await page.getByLabel('Namn', { exact: true }).fill(UNIT);
	await page.getByLabel('Typ av enhet').selectOption('skolenhet');
	await page.getByLabel('Skolenhetskod').fill('16180339');
	await page.getByLabel('Grundskola (GR)').check();
	await page.getByRole('button', { name: 'Lägg till enheten' }).click();
	await expect(page.getByRole('status')).toHaveText('Enheten är tillagd.');
	await addPersonWithRole(page, KEY, UNIT);
	await addPersonWithRole(page, STAFF, UNIT);
	await setPasswordThroughOutbox(browser, page, KEY.email, KEY.password);
	await setPasswordThroughOutbox(browser, page, STAFF.email, STAFF.password);
});

test('the page of a case that does not exist, or of no case at all, is a plain not-found page', async ({ page }) => {
	await signIn(page, KEY.email, KEY.password);
	for (const number of ['999999', 'abc', '1e3', '-1']) {
		const response = await page.goto(`${ORG}/support/${number}`);
		expect(response?.status(), number).toBe(404);
	}
	// A form posted to a case that does not exist changes nothing and is not found either.
	const post = await page.request.post(`${ORG}/support/999999?/note`, {
		form: { 'note-body': 'Hej' },
		headers: { origin: new URL(page.url()).origin }
	});
	expect(post.status()).toBe(404);
});

test('a key person replies, is told what is missing, solves the case with a cause and closes it', async ({ page, browser }) => {
	const staff = await (await browser.newContext()).newPage();
	await signIn(staff, STAFF.email, STAFF.password);
	await staff.goto(`${ORG}/support/ny`);
	await staff.getByLabel('Teknisk support').check();
	await staff.getByLabel('Rubrik').fill('Projektorn i sal 7 visar ingen bild');
	await staff.getByLabel('Vad har hänt?').fill('Lampan lyser men duken är svart.\nVi har provat en annan kabel.');
	await staff.getByLabel('Hur mycket undervisningstid gick förlorad?').fill('2');
	await staff.getByRole('button', { name: 'Skicka ärendet' }).click();
	// The filed case's page, once the redirect has landed (the click returns before it does).
	await expect(staff).toHaveURL(/\/support\/\d+/);
	const number = staff.url().match(/\/support\/(\d+)/)?.[1];
	expect(number, 'the case page after filing').toBeTruthy();
	// The handling steps are on the case page (decision 027); the old address leads there.
	const handling = `${ORG}/support/${number}`;
	// The requester follows the case but does not handle it.
	const old = await staff.goto(`${handling}/hantera`);
	expect(old?.status()).toBe(200);
	await expect(staff).toHaveURL(new RegExp(`${handling}$`));
	await expect(staff.getByRole('heading', { name: 'Hantera ärendet' })).toHaveCount(0);

	await signIn(page, KEY.email, KEY.password);
	await page.goto(handling);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Projektorn i sal 7');
	await expect(page.getByRole('heading', { name: 'Hantera ärendet' })).toBeVisible();
	await expect(page.getByRole('definition').filter({ hasText: STAFF.name })).toBeVisible();
	await expectAccessible(page);

	// An empty reply: the error summary links to the field; the checkbox stays ticked.
	await page.getByLabel('Vänta på svar från anmälaren').check();
	await page.getByRole('button', { name: 'Skicka svaret' }).click();
	await expect(page.getByRole('alert')).toContainText('Skriv ett svar till anmälaren.');
	await expect(page.getByLabel('Vänta på svar från anmälaren')).toBeChecked();
	await expectAccessible(page);
	await page.getByRole('alert').getByRole('link').click();
	await expect(page.getByLabel('Svar', { exact: true })).toBeFocused();

	await page.getByLabel('Svar', { exact: true }).fill('Står projektorn på rätt ingång? <b>Tryck på Source.</b>');
	await page.getByRole('button', { name: 'Skicka svaret' }).click();
	await expect(page).toHaveURL(new RegExp(`/support/${number}$`));
	await formsSettled(page);
	// The reply is on the requester's timeline, markup shown as the text it is.
	await staff.goto(`${ORG}/support/${number}`);
	await expect(staff.getByText('<b>Tryck på Source.</b>', { exact: false })).toBeVisible();

	// Escalation is offered at the first line (with a team list, or a word on why there is none).
	await page.goto(handling);
	await expect(page.getByRole('definition').filter({ hasText: 'Väntar på anmälaren' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Skicka till andra linjen' })).toBeVisible();

	await page.getByLabel('Lösning').fill('Projektorn stod på fel ingång.');
	await page.getByRole('button', { name: 'Markera som löst' }).click();
	await expect(page.getByRole('alert')).toContainText('Välj en orsak i listan.');
	await expect(page.getByLabel('Lösning')).toHaveValue('Projektorn stod på fel ingång.');
	await expectAccessible(page);
	await page.getByLabel('Orsak').selectOption({ label: 'Handhavandefel' });
	await page.getByLabel('Det här borde bli självhjälp').check();
	await page.getByRole('button', { name: 'Markera som löst' }).click();
	await expect(page).toHaveURL(new RegExp(`/support/${number}$`));
	await formsSettled(page);

	await page.goto(handling);
	await expect(page.getByRole('definition').filter({ hasText: 'Löst' })).toBeVisible();
	await page.getByRole('button', { name: 'Stäng ärendet' }).click();
	await formsSettled(page);
	await page.goto(handling);
	await expect(page.getByText('Ärendet är stängt.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Skicka svaret' })).toHaveCount(0);
	await expectAccessible(page);
});
