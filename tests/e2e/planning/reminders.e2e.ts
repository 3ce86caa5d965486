/**
 * Reminders and calendar feeds (issue 13 item 7): an administrator plans an action due in three days for a key
 * person, sets the reminder days (a bad number is refused beside the field) and sends the due reminders now;
 * the mail reaches the key person's inbox with the link. The key person makes a calendar address on
 * /konto/kalender, the feed lists the action without a session, and a new address or removal makes the old
 * one answer 404. The page reads in English too.
 */
import { expect, test, request as playwrightRequest } from '@playwright/test';
import { expectAccessible } from '../axe';
import { mailsTo, nextMailTo } from '../mail';
import { addPersonWithRole, addSchoolUnit, setPasswordThroughOutbox, signIn, signInAsAdmin, TEST_ORG } from '../helpers';

test.describe.configure({ mode: 'serial' });

const ORG = TEST_ORG.slug;
const UNIT = { name: 'Påminnelseskolan', code: '93320088' };
const PASSWORD = 'ett långt lösenord för påminnelser';
const KEY = { name: 'Rut Påminnelse', email: 'rut.paminnelse@planering.exempel.se', role: 'Pedagogisk nyckelperson' };
const TITLE = 'Läsveckan; planera och boka';

/** Today in Stockholm moved by `days`, as YYYY-MM-DD (what a date field takes). */
const stockholmDay = (days: number) =>
	new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() + days * 86_400_000));
const DUE = stockholmDay(3);

let actionPath = '';

/** GET without any session, as a calendar app fetches. */
async function fetchFeed(baseURL: string, url: string) {
	const anonymous = await playwrightRequest.newContext({ baseURL });
	const res = await anonymous.get(new URL(url).pathname);
	const out = { status: res.status(), type: res.headers()['content-type'] ?? '', text: await res.text() };
	await anonymous.dispose();
	return out;
}

test('an administrator plans an action due in three days for a key person', async ({ page, browser }) => {
	test.setTimeout(120_000);
	await signInAsAdmin(page);
	await addSchoolUnit(page, ORG, UNIT);
	await addPersonWithRole(page, KEY, UNIT.name);
	await setPasswordThroughOutbox(browser, page, KEY.email, PASSWORD);

	await page.goto(`/${ORG}/planering/ny`);
	await page.getByLabel('Plan', { exact: true }).selectOption({ label: UNIT.name });
	await page.getByLabel('Vad ska göras?').fill(TITLE);
	await page.getByLabel('Klart senast').fill(DUE);
	await page.getByLabel('Ansvarig', { exact: true }).selectOption({ label: KEY.name });
	await page.getByRole('button', { name: 'Lägg till aktiviteten' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	actionPath = new URL(page.url()).pathname;
});

test('the administrator sets the reminder days and sends the due reminders; the owner gets the mail', async ({ page }) => {
	await signInAsAdmin(page);
	await page.goto(`/${ORG}/planering`);
	await page.getByRole('link', { name: 'Påminnelser' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Påminnelser');
	await expect(page.getByLabel('Dagar före datumet')).toHaveValue('7');
	await expectAccessible(page);

	await page.getByLabel('Dagar före datumet').fill('sjuttio');
	await page.getByRole('button', { name: 'Spara' }).click();
	const field = page.locator('.field').filter({ has: page.getByLabel('Dagar före datumet') });
	await expect(field.locator('.error-message')).toContainText('Ange ett heltal från 0 till 60');
	await expect(page.getByLabel('Dagar före datumet')).toHaveValue('sjuttio');
	await expectAccessible(page);
	await page.getByLabel('Dagar före datumet').fill('5');
	await page.getByRole('button', { name: 'Spara' }).click();
	await expect(page.getByRole('status')).toHaveText('Inställningarna är sparade.');
	await expect(page.getByLabel('Dagar före datumet')).toHaveValue('5');

	const mail = await nextMailTo(
		KEY.email,
		async () => {
			await page.getByRole('button', { name: 'Skicka aktuella påminnelser' }).click();
			await expect(page.getByRole('status')).toContainText('påminnelser före datumet');
		},
		(m) => m.subject.includes(TITLE)
	);
	expect(mail.subject).toContain(`Påminnelse: ”${TITLE}” ska vara klar ${DUE}`);
	expect(mail.subject).not.toContain('Ada');
	expect(mail.text).toContain(`Hej ${KEY.name}!`);
	expect(mail.text).toContain(actionPath);
	expect(mail.text).toContain('3 dagar kvar');

	// Sent once: sending again brings no second mail about the same date.
	await page.getByRole('button', { name: 'Skicka aktuella påminnelser' }).click();
	await expect(page.getByRole('status')).toHaveText('Klart: 0 påminnelser före datumet och 0 om passerade datum skickades.');
	expect((await mailsTo(KEY.email)).filter((m) => m.subject.includes(TITLE))).toHaveLength(1);
});

test('the owner makes a calendar address, the feed lists the action, and a new address or removal shuts the old one', async ({
	page,
	baseURL
}) => {
	await signIn(page, KEY.email, PASSWORD);
	await page.goto('/konto');
	await page.getByRole('link', { name: 'Se dina datum i din egen kalender' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kalender');
	await expect(page.getByText('Du har ingen kalenderadress ännu.')).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Skapa kalenderadress' }).click();
	const first = await page.getByLabel('Kalenderadress').inputValue();
	expect(first).toMatch(/\/kalender\/[\w-]{43}\.ics$/);
	await expectAccessible(page);
	const feed = await fetchFeed(baseURL!, first);
	expect(feed.status).toBe(200);
	expect(feed.type).toContain('text/calendar');
	const text = feed.text.replace(/\r\n[ \t]/g, '');
	expect(text).toContain('BEGIN:VCALENDAR');
	expect(text).toContain('SUMMARY:Läsveckan\\; planera och boka');
	expect(text).toContain(`DTSTART;VALUE=DATE:${DUE.replaceAll('-', '')}`);
	expect(text).toContain(actionPath);
	expect(text).not.toContain(KEY.name);

	await page.goto('/konto/kalender');
	await expect(page.getByText(/Du har en kalenderadress sedan/)).toBeVisible();
	await page.getByRole('button', { name: 'Skapa ny adress' }).click();
	const second = await page.getByLabel('Kalenderadress').inputValue();
	expect(second).not.toBe(first);
	expect((await fetchFeed(baseURL!, first)).status).toBe(404);
	expect((await fetchFeed(baseURL!, second)).status).toBe(200);

	await page.getByRole('button', { name: 'Ta bort kalenderadressen' }).click();
	await expect(page.getByRole('status')).toHaveText('Kalenderadressen är borttagen. Den gamla adressen fungerar inte längre.');
	expect((await fetchFeed(baseURL!, second)).status).toBe(404);
	expect((await fetchFeed(baseURL!, `${baseURL}/kalender/inte-en-riktig-adress-men-lang-nog-1234567890.ics`)).status).toBe(404);

	await page.getByRole('button', { name: 'In English' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Calendar');
	await expect(page.getByRole('button', { name: 'Create calendar address' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'På svenska' }).click();
});
