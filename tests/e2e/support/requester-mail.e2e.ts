import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../axe';
import { addPersonWithRole, setPasswordThroughOutbox, signIn, signInAsAdmin, TEST_ORG } from '../helpers';
import { formsSettled } from '../forms/settled';

test.describe.configure({ mode: 'serial' });

const ORG = `/${TEST_ORG.slug}`;
const UNIT = 'Aviseringsskolan';
const KEY = {
	name: 'Vera Nyckelberg',
	email: 'vera.nyckel@testkommun.se',
	password: 'nyckelpersonens hemliga fras',
	role: 'Teknisk nyckelperson (1:a linjen)'
};
const STAFF = { name: 'Otto Lärarberg', email: 'otto.larare@testkommun.se', password: 'lärarens hemliga fras', role: 'Personal' };
const TITLE = 'Dokumentkameran i sal 12 är svart';

/** The outbox rows about this case, as "subject → recipient". */
async function caseMails(admin: Page, number: string) {
	await admin.goto(`${ORG}/admin/utkorg`);
	const rows = admin.getByRole('row').filter({ hasText: `rende ${number}` });
	return (await rows.allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
}

/** The body of the newest outbox mail whose subject contains `subject`. */
async function mailBody(admin: Page, subject: string) {
	await admin.goto(`${ORG}/admin/utkorg`);
	await admin.getByRole('link', { name: subject }).first().click();
	await expectAccessible(admin);
	return admin.locator('pre').innerText();
}

test('an administrator sets up a school with a key person and a teacher', async ({ page, browser }) => {
	await signInAsAdmin(page);
	await page.goto(`${ORG}/admin/enheter/ny`);
	await page.getByLabel('Namn', { exact: true }).fill(UNIT);
	await page.getByLabel('Typ av enhet').selectOption('skolenhet');
	await page.getByLabel('Skolenhetskod').fill('57721566');
	await page.getByLabel('Grundskola (GR)').check();
	await page.getByRole('button', { name: 'Lägg till enheten' }).click();
	await expect(page.getByRole('status')).toHaveText('Enheten är tillagd.');
	await addPersonWithRole(page, KEY, UNIT);
	await addPersonWithRole(page, STAFF, UNIT);
	await setPasswordThroughOutbox(browser, page, KEY.email, KEY.password);
	await setPasswordThroughOutbox(browser, page, STAFF.email, STAFF.password);
});

test('the teacher gets a mail for the key person’s reply and for the solution, none for an internal note', async ({ page, browser }) => {
	const staff = await (await browser.newContext()).newPage();
	await signIn(staff, STAFF.email, STAFF.password);
	await staff.goto(`${ORG}/support/ny`);
	await staff.getByLabel('Teknisk support').check();
	await staff.getByLabel('Rubrik').fill(TITLE);
	await staff.getByLabel('Vad har hänt?').fill('Bilden försvann mitt i lektionen.');
	await staff.getByRole('button', { name: 'Skicka ärendet' }).click();
	// The filed case's page, once the redirect has landed (the click returns before it does).
	await expect(staff).toHaveURL(/\/support\/\d+/);
	const number = staff.url().match(/\/support\/(\d+)/)?.[1];
	expect(number, 'the case page after filing').toBeTruthy();

	const key = await (await browser.newContext()).newPage();
	await signIn(key, KEY.email, KEY.password);
	await key.goto(`${ORG}/support/${number}`);
	await key.getByLabel('Anteckning').fill('Kolla om kabeln är trasig innan vi svarar.');
	await key.getByRole('button', { name: 'Spara anteckningen' }).click();
	await formsSettled(key);
	await key.goto(`${ORG}/support/${number}`);
	await key.getByLabel('Svar', { exact: true }).fill('Prova att starta om kameran med knappen på baksidan.');
	await key.getByRole('button', { name: 'Skicka svaret' }).click();
	await expect(key).toHaveURL(new RegExp(`/support/${number}$`));
	await formsSettled(key);

	await signInAsAdmin(page);
	// The receipt on filing (decision 026) and the reply; nothing for the internal note.
	const mails = await caseMails(page, number!);
	expect(mails).toHaveLength(2);
	expect(mails).toEqual(
		expect.arrayContaining([
			expect.stringContaining(`Ärende ${number}: ${TITLE} ${STAFF.email}`),
			expect.stringContaining(`Ärende ${number} är mottaget: ${TITLE} ${STAFF.email}`)
		])
	);
	const reply = await mailBody(page, `Ärende ${number}: ${TITLE}`);
	expect(reply).toContain(`${KEY.name} har svarat i ditt ärende`);
	expect(reply).toContain('Prova att starta om kameran');
	expect(reply).not.toContain('kabeln');
	expect(reply).toMatch(new RegExp(`http://localhost:\\d+${ORG}/support/${number}\\n`));

	await key.goto(`${ORG}/support/${number}`);
	await key.getByLabel('Lösning').fill('Kameran startades om.');
	await key.getByLabel('Orsak').selectOption({ label: 'Fel på utrustning' });
	await key.getByRole('button', { name: 'Markera som löst' }).click();
	await expect(key).toHaveURL(new RegExp(`/support/${number}$`));
	await formsSettled(key);

	expect(await caseMails(page, number!)).toHaveLength(3);
	const solved = await mailBody(page, `Ärende ${number} är löst`);
	const rateLink = solved.match(new RegExp(`http://\\S+/support/${number}\\?betyg=4#betyg`))?.[0];
	expect(rateLink, 'a rating link for grade 4').toBeTruthy();
	// The link leads the teacher to the case page with the rating form.
	await staff.goto(rateLink!);
	await expect(staff.getByRole('heading', { name: 'Betygsätt hjälpen' })).toBeVisible();
	await expectAccessible(staff);
});
