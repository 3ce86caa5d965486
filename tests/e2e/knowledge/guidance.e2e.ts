/**
 * Bookable guidance and drop-ins (issue 15, item 6): a pedagogical key person offers a 1–1 time and a weekly
 * drop-in; a teacher books the 1–1 without JavaScript, gets the booking by mail with a link to the iCal file, and the
 * file holds the time; someone who had the full slot open is refused with a message; the host sees who booked and
 * what they need help with; a case leads to a booking ("Boka handledning i stället"); the host cancels a time and the
 * booker is told. One page is read in English.
 */
import { expect, test, type Browser } from '@playwright/test';
import { expectAccessible } from '../axe';
import { addPersonWithRole, addSchoolUnit, setPasswordByMail, signIn, signInAsAdmin, TEST_ORG } from '../helpers';
import { formsSettled } from '../forms/settled';
import { mailsTo, nextMailTo } from '../mail';

test.describe.configure({ mode: 'serial' });

const ORG = `/${TEST_ORG.slug}`;
const LIST = `${ORG}/handledning`;
const UNIT = { name: 'Handledningsskolan', code: '96150001' };
const KEY = {
	name: 'Hedda Handledare',
	email: 'hedda.handledare@testkommun.se',
	password: 'handledarens eget långa lösenord',
	role: 'Pedagogisk nyckelperson'
};
const TEACHER = {
	name: 'Tage Bokare',
	email: 'tage.bokare@testkommun.se',
	password: 'lärarens långa lösenord att boka med',
	role: 'Personal'
};
const SLOT = 'Handledning i lärplattformen';
const DROP_IN = 'Onlinestuga för Handledningsskolan';

/** A day a week ahead (YYYY-MM-DD), in winter or summer alike. */
const DAY = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
let slotPath = '';
let dropInPath = '';

async function pageAs(browser: Browser, who: { email: string; password: string }, javaScriptEnabled = true) {
	const context = await browser.newContext({ javaScriptEnabled });
	const page = await context.newPage();
	await signIn(page, who.email, who.password);
	return page;
}

test('an administrator sets up a unit with a pedagogical key person and a teacher, who set their own passwords', async ({
	page,
	browser
}) => {
	await signInAsAdmin(page);
	await addSchoolUnit(page, TEST_ORG.slug, UNIT);
	await addPersonWithRole(page, KEY, UNIT.name);
	await addPersonWithRole(page, TEACHER, UNIT.name);
	await setPasswordByMail(browser, KEY.email, KEY.password);
	await setPasswordByMail(browser, TEACHER.email, TEACHER.password);
});

test('before any time is offered the teacher is told what to do instead, and cannot offer times', async ({ browser }) => {
	const page = await pageAs(browser, TEACHER);
	await page.goto(LIST);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Handledning och drop-in');
	await expect(page.getByText('Du har inga kommande bokningar.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Erbjud en tid' })).toHaveCount(0);
	await expectAccessible(page);
	expect((await page.goto(`${LIST}/ny`))?.status()).toBe(403);
	await page.context().close();
});

test('the key person offers a 1–1 time online and a weekly drop-in at the school; mistakes are shown beside the fields', async ({
	browser
}) => {
	const page = await pageAs(browser, KEY);
	await page.goto(LIST);
	await page.getByRole('link', { name: 'Erbjud en tid' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Erbjud en tid');
	await expectAccessible(page);

	await page.getByLabel('Rubrik').fill(SLOT);
	await page.getByLabel('Dag').fill(DAY);
	await page.getByLabel('Börjar').fill('14:00');
	await page.getByLabel('Slutar').fill('13:30');
	await page.getByLabel('Möteslänk').fill('mote.exempel.se/utan-https');
	await page.getByRole('button', { name: 'Lägg ut tiden' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Tiden måste sluta efter att den börjar.');
	await expect(summary).toContainText('Möteslänken ska vara en webbadress');
	await expect(page.getByLabel('Rubrik')).toHaveValue(SLOT);
	await expectAccessible(page);
	await page.getByLabel('Slutar').fill('14:45');
	await page.getByLabel('Möteslänk').fill('https://mote.exempel.se/hedda');
	await page.getByRole('button', { name: 'Lägg ut tiden' }).click();
	await expect(page.getByRole('status')).toHaveText('Tiden är utlagd och kan bokas.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(SLOT);
	slotPath = new URL(page.url()).pathname;
	await expectAccessible(page);

	await page.goto(`${LIST}/ny`);
	await page.getByLabel('Typ av tid').selectOption({ label: 'Drop-in' });
	await page.getByLabel('Rubrik').fill(DROP_IN);
	await page.getByLabel('Dag').fill(DAY);
	await page.getByLabel('Börjar').fill('15:00');
	await page.getByLabel('Slutar').fill('16:00');
	await page.getByLabel('Antal veckor').fill('2');
	await page.getByLabel('Enhet').selectOption({ label: UNIT.name });
	await page.getByLabel('Plats', { exact: true }).fill('Biblioteket');
	await page.getByLabel('Antal platser').fill('10');
	await page.getByRole('button', { name: 'Lägg ut tiden' }).click();
	await expect(page.getByRole('status')).toHaveText('Tiden är utlagd och kan bokas.');
	dropInPath = new URL(page.url()).pathname;
	await expect(page.getByText('(återkommer varje vecka)')).toBeVisible();
	await expect(page.getByText(`${UNIT.name}, Biblioteket`)).toBeVisible();

	await page.goto(LIST);
	await expect(page.getByRole('link', { name: DROP_IN })).toHaveCount(2);
	await expect(page.getByRole('link', { name: SLOT })).toHaveCount(1);
	await expectAccessible(page);
	await page.context().close();
});

test('the teacher books the 1–1 without JavaScript and gets it by mail with the iCal file; a second booking of the full slot is refused', async ({
	browser
}) => {
	// Someone else has the slot open, ready to book it, before the teacher takes it.
	const admin = await (await browser.newContext()).newPage();
	await signInAsAdmin(admin);
	await admin.goto(slotPath);
	await expect(admin.getByRole('button', { name: 'Boka tiden' })).toBeVisible();

	const page = await pageAs(browser, TEACHER, false);
	await page.goto(LIST);
	await page.getByRole('link', { name: SLOT }).click();
	await expect(page.getByText('1 av 1 platser lediga')).toBeVisible();
	// axe runs in the page's JavaScript, so the pages are checked in the contexts that have it (the admin's below).
	await page.getByLabel('Vad vill du ha hjälp med?').fill('Hur lägger jag upp ett prov med tidsgräns?');
	const mail = await nextMailTo(
		TEACHER.email,
		async () => {
			await page.getByRole('button', { name: 'Boka tiden' }).click();
			await expect(page.getByRole('status')).toContainText('Du har bokat tiden.');
		},
		(m) => m.subject.includes(SLOT)
	);
	await expect(page.getByRole('heading', { name: 'Din bokning' })).toBeVisible();
	await expect(page.getByText('Fullbokad')).toBeVisible();

	const link = mail.text.match(/http:\/\/\S+\/kalender\.ics/)?.[0];
	expect(link, 'a link to the iCal file in the mail').toBeTruthy();
	expect(mail.text).toContain('https://mote.exempel.se/hedda');
	const ics = await page.request.get(new URL(link!).pathname);
	expect(ics.status()).toBe(200);
	expect(ics.headers()['content-type']).toContain('text/calendar');
	const text = (await ics.text()).replace(/\r\n[ \t]/g, '');
	expect(text).toMatch(new RegExp(`DTSTART:${DAY.replaceAll('-', '')}T1[23]0000Z`));
	expect(text).toContain(`SUMMARY:${SLOT}`);
	expect(text).toContain('LOCATION:https://mote.exempel.se/hedda');

	// The host got a mail too, with what the teacher needs help with.
	const hostMails = await mailsTo(KEY.email);
	expect(hostMails.some((m) => m.subject.includes(TEACHER.name) && m.text.includes('prov med tidsgräns'))).toBe(true);

	// The administrator's page still offers the slot: the booking is refused with a message, nothing else happens.
	await admin.getByLabel('Vad vill du ha hjälp med?').fill('Jag hinner före!');
	await admin.getByRole('button', { name: 'Boka tiden' }).click();
	await expect(admin.getByRole('alert')).toContainText('Tiden är fullbokad. Välj en annan tid.');
	await expect(admin.getByLabel('Vad vill du ha hjälp med?')).toHaveValue('Jag hinner före!');
	await expectAccessible(admin);
	await admin.context().close();
	await page.context().close();
});

test('the key person sees who booked and what they need help with; the booker reads the page in English', async ({ browser }) => {
	const key = await pageAs(browser, KEY);
	await key.goto(slotPath);
	await expect(key.getByRole('heading', { name: 'Bokade (1)' })).toBeVisible();
	await expect(key.getByText(TEACHER.name)).toBeVisible();
	await expect(key.getByText('Hur lägger jag upp ett prov med tidsgräns?')).toBeVisible();
	await expect(key.getByRole('button', { name: 'Ställ in tiden' })).toBeVisible();
	await expectAccessible(key);
	await key.context().close();

	const page = await pageAs(browser, TEACHER);
	await page.goto(slotPath);
	await page.getByRole('button', { name: 'In English' }).click();
	await expect(page.getByRole('heading', { name: 'Your booking' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Download the calendar file (.ics)' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'På svenska' }).click();
	// A time the teacher has not booked: who booked it is the host's to see, and there is no iCal file for them.
	await page.goto(dropInPath);
	await expect(page.getByRole('heading', { name: /^Bokade/ })).toHaveCount(0);
	expect((await page.request.get(`${dropInPath}/kalender.ics`)).status()).toBe(404);
	await page.context().close();
});

test('from a case the teacher books a drop-in instead, and the host sees which case it came from', async ({ browser }) => {
	const page = await pageAs(browser, TEACHER);
	await page.goto(`${ORG}/support/ny`);
	await page.getByLabel('Pedagogisk support').check();
	await page.getByLabel('Rubrik').fill('Hur rättar jag inlämningar i lärplattformen?');
	await page.getByLabel('Vad har hänt?').fill('Jag hittar inte var inlämningarna hamnar.');
	await page.getByLabel('Hur mycket undervisningstid gick förlorad?').fill('0');
	await page.getByRole('button', { name: 'Skicka ärendet' }).click();
	await expect(page).toHaveURL(/\/support\/\d+/);
	const number = page.url().match(/\/support\/(\d+)/)![1];
	await page.getByRole('link', { name: 'Boka handledning i stället' }).click();
	await expect(page.getByText(`i stället för att vänta på ärende ${number}`)).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: DROP_IN }).first().click();
	await expect(page.getByText(`Bokningen kopplas till ärende ${number}`)).toBeVisible();
	await page.getByRole('button', { name: 'Boka tiden' }).click();
	await formsSettled(page);
	await expect(page.getByRole('heading', { name: 'Din bokning' })).toBeVisible();
	await page.context().close();

	const key = await pageAs(browser, KEY);
	await key.goto(dropInPath);
	await expect(key.getByRole('link', { name: `ärende ${number}` })).toBeVisible();

	// The host cancels that occasion: the teacher is told by mail, and the time leaves the list.
	const mail = await nextMailTo(
		TEACHER.email,
		async () => {
			await key.getByRole('button', { name: 'Ställ in tiden' }).click();
			await expect(key.getByRole('status')).toContainText('Tiden är inställd.');
		},
		(m) => m.subject.startsWith('Inställd:')
	);
	expect(mail.text).toContain(DROP_IN);
	await expect(key.getByRole('link', { name: DROP_IN })).toHaveCount(1);
	await expectAccessible(key);
	await key.context().close();
});
