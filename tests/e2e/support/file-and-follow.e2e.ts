import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../axe';
import { signIn, signInAsAdmin, TEST_ORG } from '../helpers';
import { nextMailTo, resetLinkIn } from '../mail';

test.describe.configure({ mode: 'serial' });

const SUPPORT = `/${TEST_ORG.slug}/support`;
const stamp = Date.now().toString(36);
const STAFF = { name: 'Sara Stödsson', email: `sara.${stamp}@testkommun.se`, password: 'ett långt lösenord för sara' };
const UNIT = `Trådbyskolan ${stamp}`;
const PNG = Buffer.from([
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0
]);
const FAKE_PNG = Buffer.from('<!doctype html><script>alert("inte en bild")</script>');

async function signOut(page: Page) {
	await page.getByRole('button', { name: 'Logga ut' }).click();
	await expect(page).toHaveURL(/\/logga-in/);
}

test('an administrator adds a staff member at a school, who sets a password through the reset mail', async ({ page }) => {
	await signInAsAdmin(page);
	await page.goto(`/${TEST_ORG.slug}/admin/enheter/ny`);
	await page.getByLabel('Namn', { exact: true }).fill(UNIT);
	await page.getByLabel('Typ av enhet').selectOption('skolenhet');
	await page.getByLabel('Skolenhetskod').fill(String(20000000 + Math.floor(Math.random() * 70000000)));
	await page.getByRole('button', { name: 'Lägg till enheten' }).click();
	await expect(page.getByRole('status')).toHaveText('Enheten är tillagd.');

	await page.goto(`/${TEST_ORG.slug}/admin/personer/ny`);
	await page.getByLabel('Namn', { exact: true }).fill(STAFF.name);
	await page.getByLabel('E-postadress').fill(STAFF.email);
	await page.getByRole('button', { name: 'Lägg till person' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(STAFF.name);
	await page.getByLabel('Roll', { exact: true }).selectOption({ label: 'Personal' });
	await page.getByLabel('Var gäller rollen?').selectOption({ label: UNIT });
	await page.getByRole('button', { name: 'Lägg till roll' }).click();
	await expect(page.getByRole('status')).toHaveText('Rollen är tillagd.');
	await signOut(page);

	await page.goto('/glomt-losenord');
	await page.getByLabel('E-postadress').fill(STAFF.email);
	// The link arrives in Sara's inbox (the e2e mail catcher); the outbox never shows it.
	const mail = await nextMailTo(STAFF.email, async () => {
		await page.getByRole('button', { name: 'Skicka länk' }).click();
		await expect(page.getByRole('status')).toContainText('Om det finns ett konto');
	});
	const link = resetLinkIn(mail);

	await page.goto(link!);
	await page.getByLabel('Nytt lösenord', { exact: true }).fill(STAFF.password);
	await page.getByLabel('Upprepa det nya lösenordet').fill(STAFF.password);
	await page.getByRole('button', { name: 'Spara det nya lösenordet' }).click();
	await expect(page).toHaveURL(/\/logga-in\?aterstallt$/);
});

test('the staff member files a case with a picture and lost teaching time as one amount with a unit, and follows it', async ({ page }) => {
	await signIn(page, STAFF.email, STAFF.password);
	await page.goto(SUPPORT);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Support');
	await expect(page.getByText('Du har inga ärenden ännu.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Till ärendekön' })).toHaveCount(0);
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Anmäl ett ärende' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anmäl ett ärende');
	await expect(page.getByLabel('Enhet', { exact: true })).toHaveValue(/.+/);
	await expectAccessible(page);

	// Too short a title: the summary links to the field and everything typed stays.
	const description = 'Lampan blinkar rött.\n<script>alert("hej")</script>';
	await page.getByLabel('Teknisk support').check();
	await page.getByLabel('Rubrik').fill('P');
	await page.getByLabel('Vad har hänt?').fill(description);
	await page.getByLabel('Hur brådskande är det?').selectOption('high');
	await page.getByLabel('Hur mycket undervisningstid gick förlorad?').fill('två');
	await page.getByLabel('Enhet för den förlorade tiden').selectOption({ label: 'timmar' });
	await page.getByLabel('Antal elever som påverkades').fill('27');
	await page.getByLabel('Typ av utrustning (valfritt)').fill('Projektor');
	await page.getByRole('button', { name: 'Skicka ärendet' }).click();
	await expect(page.getByRole('alert')).toContainText('minst tre tecken');
	await expect(page.getByLabel('Rubrik')).toHaveValue('P');
	await expect(page.getByLabel('Vad har hänt?')).toHaveValue(description);
	// Lost time that is not a number: the message is beside the field and the amount and unit stay as chosen.
	await expect(page.locator('#lostAmount-error')).toContainText('Skriv tiden med siffror');
	await expect(page.getByLabel('Hur mycket undervisningstid gick förlorad?')).toHaveValue('två');
	await expect(page.getByLabel('Enhet för den förlorade tiden')).toHaveValue('hour');
	await expect(page.getByLabel('Hur brådskande är det?')).toHaveValue('high');
	await expect(page.getByLabel('Teknisk support')).toBeChecked();
	await expectAccessible(page);
	await page.getByRole('alert').getByRole('link', { name: 'Skriv en kort rubrik, minst tre tecken.' }).click();
	await expect(page.getByLabel('Rubrik')).toBeFocused();

	// An HTML page named .png is refused next to the file field; nothing is filed.
	await page.getByLabel('Rubrik').fill('Projektorn i sal 4 startar inte');
	await page.getByLabel('Bilagor (valfritt)').setInputFiles({ name: 'skarm.png', mimeType: 'image/png', buffer: FAKE_PNG });
	await page.getByRole('button', { name: 'Skicka ärendet' }).click();
	await expect(page.locator('#attachments-error')).toContainText('inte en bild');
	await expect(page.getByLabel('Rubrik')).toHaveValue('Projektorn i sal 4 startar inte');
	await expectAccessible(page);
	await page.goto(SUPPORT);
	await expect(page.getByText('Du har inga ärenden ännu.')).toBeVisible();

	await page.goBack();
	await page.getByLabel('Teknisk support').check();
	await page.getByLabel('Rubrik').fill('Projektorn i sal 4 startar inte');
	await page.getByLabel('Vad har hänt?').fill(description);
	await page.getByLabel('Hur mycket undervisningstid gick förlorad?').fill('1,5');
	await page.getByLabel('Enhet för den förlorade tiden').selectOption('hour');
	await page.getByLabel('Antal elever som påverkades').fill('27');
	await page.getByLabel('Bilagor (valfritt)').setInputFiles({ name: 'lampan.png', mimeType: 'image/png', buffer: PNG });
	await page.getByRole('button', { name: 'Skicka ärendet' }).click();
	await expect(page).toHaveURL(/\/support\/\d+\?anmalt$/);
	const number = page.url().match(/\/support\/(\d+)/)![1];
	await expect(page.getByRole('status')).toHaveText(`Tack! Ditt ärende har fått nummer ${number}. Här ser du allt som händer med det.`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Ärende ${number}: Projektorn i sal 4 startar inte`);
	await expect(page.getByText('1,5 timmar, 27 elever påverkade')).toBeVisible();
	await expect(page.getByText('<script>alert("hej")</script>', { exact: false }).first()).toBeVisible();
	await expect(page.getByText(`${STAFF.name} anmälde ärendet`)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Hantera ärendet' })).toHaveCount(0);
	await expectAccessible(page);

	const download = page.getByRole('link', { name: 'lampan.png' });
	const res = await page.request.get((await download.getAttribute('href'))!);
	expect(res.status()).toBe(200);
	expect(res.headers()).toMatchObject({ 'content-type': 'image/png', 'x-content-type-options': 'nosniff' });
	expect(res.headers()['content-disposition']).toMatch(/^attachment;/);
	expect(Buffer.from(await res.body()).equals(PNG)).toBe(true);
	for (const path of [
		`${SUPPORT}/${number}/bilaga/00000000-0000-4000-8000-000000000000`,
		`${SUPPORT}/${number}/bilaga/inte-ett-id`,
		`${SUPPORT}/999999`,
		`${SUPPORT}/abc`
	]) {
		expect((await page.request.get(path)).status(), path).toBe(404);
	}

	// The reply lands on the timeline.
	await page.getByLabel('Ditt svar').fill('Jag har provat en annan kabel.');
	await page.getByRole('button', { name: 'Skicka svaret' }).click();
	await expect(page.getByRole('status')).toHaveText('Ditt svar är skickat.');
	await expect(page.getByText(`${STAFF.name} svarade`)).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Tillbaka till support' }).click();
	const row = page.getByRole('row').filter({ hasText: 'Projektorn i sal 4 startar inte' });
	await expect(row).toContainText('Ny');
	await expect(row).toContainText('Teknisk support');
	await expectAccessible(page);

	// The same case page in English.
	await page.goto(`${SUPPORT}/${number}`);
	await page.getByRole('button', { name: 'In English' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Case ${number}: Projektorn i sal 4 startar inte`);
	await expect(page.getByText('1.5 hours, 27 students affected')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'På svenska' }).click();
});

test('a case chosen and typed before the page’s scripts have loaded is filed as typed', async ({ page }) => {
	await signIn(page, STAFF.email, STAFF.password);
	// Hold the app's scripts back (a slow school laptop), choose and type, then let the page hydrate.
	let release: () => void = () => {};
	const gate = new Promise<void>((r) => (release = r));
	// Only the scripts: a held style sheet would keep the page from rendering at all.
	await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
		await gate;
		await route.continue();
	});
	await page.goto(`${SUPPORT}/ny`, { waitUntil: 'commit' });
	await page.getByLabel('Pedagogisk support').check();
	await page.getByLabel('Rubrik').fill('Provet i appen gick inte att öppna');
	await page.getByLabel('Vad har hänt?').fill('Eleverna fick ett felmeddelande när provet startade.');
	release();
	await page.waitForLoadState('load');
	await page.waitForLoadState('networkidle');
	// Hydration sets every control from the page's data; it must not clear what was chosen and typed.
	await expect(page.getByLabel('Pedagogisk support')).toBeChecked();
	await expect(page.getByLabel('Vad har hänt?')).toHaveValue('Eleverna fick ett felmeddelande när provet startade.');
	await page.getByRole('button', { name: 'Skicka ärendet' }).click();
	await expect(page).toHaveURL(/\/support\/\d+\?anmalt$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Provet i appen gick inte att öppna');
});
