/**
 * Forums (issue 13 item 6): an administrator sets up an IT-råd with a key person as member, calls a meeting with
 * an agenda, writes the minutes, minutes a decision with owner and due date that becomes an action in the plan,
 * publishes the minutes (the members get them by mail) and prints them; the next meeting, called without
 * JavaScript, opens with the open decision carried over; it is moved (a bad time refused beside the field) and
 * removed after ticking the box that asks first, while the published meeting can be neither. One page is read in
 * English.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from '../axe';
import { addPersonWithRole, addSchoolUnit, signInAsAdmin, TEST_ADMIN, TEST_ORG } from '../helpers';
import { nextMailTo } from '../mail';

test.describe.configure({ mode: 'serial' });

const ORG = TEST_ORG.slug;
const UNIT = { name: 'Forumskolan', code: '93320042' };
const KEY = { name: 'Frida Forumsdotter', email: 'frida.forum@forum.exempel.se', role: 'Teknisk nyckelperson (1:a linjen)' };
const DECISION = 'Byt accesspunkterna i idrottshallen före vårterminen';

let forumPath = '';
let meetingPath = '';

test('an administrator sets up an IT-råd with members; a missing name is refused beside the field', async ({ page }) => {
	test.setTimeout(90_000);
	await signInAsAdmin(page);
	await addSchoolUnit(page, ORG, UNIT);
	await addPersonWithRole(page, KEY, UNIT.name);

	await page.goto(`/${ORG}/planering`);
	await page.getByRole('link', { name: 'Forum och möten' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Forum och möten');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Inrätta ett forum' }).click();
	await page.getByLabel('Syfte').fill('Skolan och IT-avdelningen följer upp it-frågorna varje månad.');
	await page.getByRole('checkbox', { name: KEY.name }).check();
	await page.getByRole('button', { name: 'Inrätta forumet' }).click();
	const name = page.locator('.field').filter({ has: page.getByLabel('Namn', { exact: true }) });
	await expect(name.locator('.error-message')).toContainText('Skriv forumets namn');
	await expect(page.getByLabel('Syfte')).toHaveValue('Skolan och IT-avdelningen följer upp it-frågorna varje månad.');
	await expect(page.getByRole('checkbox', { name: KEY.name })).toBeChecked();
	await expect(page.getByRole('checkbox', { name: TEST_ADMIN.name })).toBeChecked();
	await expectAccessible(page);

	await page.getByLabel('Namn', { exact: true }).fill('IT-råd');
	await page.getByRole('button', { name: 'Inrätta forumet' }).click();
	await expect(page.getByRole('status')).toHaveText('Forumet är inrättat.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('IT-råd');
	await expect(page.getByText(KEY.name)).toBeVisible();
	forumPath = new URL(page.url()).pathname;
	await expectAccessible(page);
});

test('the administrator calls a meeting, writes the minutes and a decision that becomes an action, and publishes them by mail', async ({
	page
}) => {
	test.setTimeout(90_000);
	await signInAsAdmin(page);
	await page.goto(forumPath);
	await page.getByLabel('Datum').fill('2026-11-18');
	await page.getByLabel('Klockan').fill('15:00');
	await page.getByLabel('Plats').fill('Stadshuset');
	await page.getByLabel('Dagordning').fill('Wifi i idrottshallen\nNya elevdatorer');
	await page.getByRole('button', { name: 'Kalla till mötet' }).click();
	await expect(page.getByRole('status')).toHaveText('Mötet är inlagt.');
	meetingPath = new URL(page.url()).pathname;
	await expect(page.getByRole('heading', { level: 3, name: 'Wifi i idrottshallen' })).toBeVisible();
	// Axe here also covers the forms to move and remove the meeting (the page without JavaScript is not scanned).
	await expect(page.getByRole('button', { name: 'Flytta mötet' })).toBeVisible();
	await expectAccessible(page);

	await page.getByLabel('Protokoll för punkt 1').fill('Täckningen räcker inte vid proven.');
	await page.getByLabel('Protokoll för punkt 2').fill('Leverans i januari.');
	await page.getByLabel('Gäster').fill('Leverantören');
	await page.getByRole('button', { name: 'Spara protokollet' }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringen är sparad.');
	await expect(page.getByLabel('Protokoll för punkt 1')).toHaveValue('Täckningen räcker inte vid proven.');

	await page.getByLabel('Vad beslutades?').fill(DECISION);
	await page.getByLabel('Klart senast').fill('2027-01-31');
	await page.getByLabel('Skapa en aktivitet i planen').check();
	await page.getByRole('button', { name: 'Lägg till beslutet' }).click();
	const owner = page.locator('.field').filter({ has: page.getByLabel('Ansvarig', { exact: true }) });
	await expect(owner.locator('.error-message')).toContainText('Välj vem som är ansvarig');
	await expect(page.getByLabel('Vad beslutades?')).toHaveValue(DECISION);
	await expect(page.getByLabel('Skapa en aktivitet i planen')).toBeChecked();
	await page.getByLabel('Ansvarig', { exact: true }).selectOption({ label: KEY.name });
	await page.getByRole('button', { name: 'Lägg till beslutet' }).click();
	await expect(page.getByRole('status')).toHaveText('Beslutet är tillagt.');
	const row = page.getByRole('row').filter({ hasText: DECISION });
	await expect(row).toContainText(KEY.name);
	await expectAccessible(page);

	const mail = await nextMailTo(KEY.email, async () => {
		await page.getByRole('button', { name: 'Publicera protokollet' }).click();
		await expect(page.getByRole('status')).toHaveText('Protokollet är publicerat och skickat till 2 medlemmar.');
	});
	expect(mail.subject).toContain('Protokoll från IT-råd');
	expect(mail.text).toContain('Täckningen räcker inte vid proven.');
	expect(mail.text).toContain(DECISION);
	await expect(page.getByRole('button', { name: 'Spara protokollet' })).toHaveCount(0);
	await expect(page.getByText('Täckningen räcker inte vid proven.')).toBeVisible();
	await expect(page.getByText('Protokollet är publicerat, så mötet kan inte längre flyttas eller tas bort.')).toBeVisible();
	await expect(page.getByRole('button', { name: /^(Flytta mötet|Ta bort mötet)/ })).toHaveCount(0);

	await page.getByRole('link', { name: 'Aktiviteten i planen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(DECISION);
	await expect(page.getByText(KEY.name)).toBeVisible();

	await page.goto(`${meetingPath}/protokoll`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Protokoll IT-råd');
	await expect(page.getByText('Gäster: Leverantören')).toBeVisible();
	await expectAccessible(page);
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('link', { name: 'Tillbaka till mötet' })).toBeHidden();
	await expect(page.getByRole('cell', { name: DECISION })).toBeVisible();
});

test('without JavaScript the next meeting opens with the open decision carried over', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signInAsAdmin(page);
	await page.goto(forumPath);
	await expect(page.getByRole('link', { name: DECISION })).toBeVisible();
	await page.getByLabel('Datum').fill('2026-12-16');
	await page.getByLabel('Klockan').fill('25:00');
	await page.getByRole('button', { name: 'Kalla till mötet' }).click();
	await expect(page.getByRole('alert')).toContainText('Skriv klockslaget som 15:00');
	await expect(page.getByLabel('Datum')).toHaveValue('2026-12-16');
	await page.getByLabel('Klockan').fill('15:00');
	await page.getByLabel('Dagordning').fill('Budget för nästa år');
	await page.getByRole('button', { name: 'Kalla till mötet' }).click();
	await expect(page.getByRole('status')).toHaveText('Mötet är inlagt.');
	const first = page.locator('.agenda > li').first();
	await expect(first).toContainText('Från förra mötet');
	await expect(first.getByRole('link', { name: DECISION })).toHaveAttribute('href', `${meetingPath}#beslut`);
	await expect(page.locator('.agenda > li').nth(1)).toContainText('Budget för nästa år');
	await page.getByLabel('Protokoll för punkt 1').fill('Beställningen är lagd.');
	await page.getByRole('button', { name: 'Spara protokollet' }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringen är sparad.');
	await expect(page.getByLabel('Protokoll för punkt 1')).toHaveValue('Beställningen är lagd.');

	// The meeting is moved a week on; a bad time is refused beside the field and what was typed stays.
	const moved = page.locator('form[action="?/move"]');
	await moved.getByLabel('Datum').fill('2026-12-23');
	await moved.getByLabel('Klockan').fill('25:00');
	await moved.getByLabel('Plats').fill('Aulan');
	await page.getByRole('button', { name: 'Flytta mötet' }).click();
	const time = moved.locator('.field').filter({ has: page.getByLabel('Klockan') });
	await expect(time.locator('.error-message')).toContainText('Skriv klockslaget som 15:00');
	await expect(moved.getByLabel('Datum')).toHaveValue('2026-12-23');
	await expect(moved.getByLabel('Plats')).toHaveValue('Aulan');
	await moved.getByLabel('Klockan').fill('09:00');
	await page.getByRole('button', { name: 'Flytta mötet' }).click();
	await expect(page.getByRole('status')).toHaveText('Mötet är flyttat.');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('23 dec. 2026');
	await expect(page.getByLabel('Protokoll för punkt 1')).toHaveValue('Beställningen är lagd.');

	// Removing it asks first: without the box ticked nothing goes.
	const remove = page.getByRole('button', { name: /^Ta bort mötet / });
	await remove.click();
	const confirm = page.locator('.field').filter({ has: page.getByRole('checkbox', { name: /^Ja, ta bort mötet/ }) });
	await expect(confirm.locator('.error-message')).toContainText('Kryssa i rutan om du vill ta bort det');
	await page.getByRole('checkbox', { name: /^Ja, ta bort mötet/ }).check();
	await remove.click();
	await expect(page.getByRole('status')).toHaveText('Mötet är borttaget.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('IT-råd');
	await expect(page.getByRole('link', { name: /23 dec\. 2026/ })).toHaveCount(0);
	// The open decision is still open, to be carried onto the next meeting called.
	await expect(page.getByRole('link', { name: DECISION })).toBeVisible();
	await context.close();
});

test('the meeting page reads in English', async ({ page }) => {
	await signInAsAdmin(page);
	await page.goto(meetingPath);
	await page.getByRole('button', { name: 'In English' }).click();
	await expect(page.getByRole('heading', { name: 'Agenda and minutes' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Decisions' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'På svenska' }).click();
});

test('the administrator renames the forum and changes its members; a forum without members is refused and the choice kept', async ({
	page
}) => {
	await signInAsAdmin(page);
	await page.goto(forumPath);
	await page.getByRole('link', { name: 'Ändra forumet och dess medlemmar' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ändra forumet');
	await expect(page.getByRole('checkbox', { name: KEY.name })).toBeChecked();
	await expectAccessible(page);
	await page.getByRole('checkbox', { name: KEY.name }).uncheck();
	await page.getByRole('checkbox', { name: TEST_ADMIN.name }).uncheck();
	await page.getByLabel('Namn', { exact: true }).fill('IT-rådet för Forumskolan');
	await page.getByRole('button', { name: 'Spara ändringarna' }).click();
	await expect(page.locator('.error-message').first()).toBeVisible();
	await expect(page.getByLabel('Namn', { exact: true })).toHaveValue('IT-rådet för Forumskolan');
	await expect(page.getByRole('checkbox', { name: KEY.name })).not.toBeChecked();
	await expectAccessible(page);

	await page.getByRole('checkbox', { name: TEST_ADMIN.name }).check();
	await page.getByRole('button', { name: 'Spara ändringarna' }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringarna är sparade.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('IT-rådet för Forumskolan');
	const members = page.locator('p').filter({ hasText: 'Medlemmar:' });
	await expect(members).toContainText(TEST_ADMIN.name);
	await expect(members).not.toContainText(KEY.name);
	forumPath = new URL(page.url()).pathname;
});
