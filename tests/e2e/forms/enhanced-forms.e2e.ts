// Covers: enhanceForm (src/lib/forms/enhance.ts) on the filing form, a handling step, the plan's action form and the answer page; the same filing form without JavaScript.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../axe';
import { addPersonWithRole, addSchoolUnit, setPasswordByMail, signIn, signInAsAdmin, TEST_ORG } from '../helpers';

test.describe.configure({ mode: 'serial' });

const ORG = `/${TEST_ORG.slug}`;
const stamp = Date.now().toString(36);
const UNIT = { name: `Formskolan ${stamp}`, code: String(30000000 + Math.floor(Math.random() * 60000000)) };
const PASSWORD = 'ett långt lösenord för formulären';
const STAFF = { name: 'Frida Formsson', email: `frida.${stamp}@testkommun.se`, role: 'Personal' };
const KEY = { name: 'Kalle Knappsson', email: `kalle.${stamp}@testkommun.se`, role: 'Teknisk nyckelperson (1:a linjen)' };
const PRINCIPAL = { name: 'Rut Rektorsson', email: `rut.${stamp}@testkommun.se`, role: 'Rektor' };
const PNG = Buffer.from([
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0
]);

let caseNumber = '';

/** Waits for the page's scripts, then marks the window: a full page load would lose the mark. */
async function markWindow(page: Page) {
	await page.waitForLoadState('networkidle');
	await page.evaluate(() => ((window as unknown as { enhancedMark: string }).enhancedMark = 'still here'));
}
const mark = (page: Page) => page.evaluate(() => (window as unknown as { enhancedMark?: string }).enhancedMark ?? null);

test('an administrator sets up a unit with a teacher, a key person and a principal', async ({ page, browser }) => {
	test.setTimeout(120_000);
	await signInAsAdmin(page);
	await addSchoolUnit(page, TEST_ORG.slug, UNIT);
	for (const p of [STAFF, KEY, PRINCIPAL]) {
		await addPersonWithRole(page, p, UNIT.name);
		await setPasswordByMail(browser, p.email, PASSWORD);
	}
});

test('with JavaScript, a case with a missing title stays on the page with focus on the summary; fixed, it is filed once', async ({
	page
}) => {
	const title = `Skrivaren i lärarrummet ${stamp}`;
	const description = 'Den drar in papper men skriver inget.';
	await signIn(page, STAFF.email, PASSWORD);
	await page.goto(`${ORG}/support/ny`);
	await markWindow(page);
	await page.getByLabel('Teknisk support').check();
	await page.getByLabel('Vad har hänt?').fill(description);
	await page.getByLabel('Hur brådskande är det?').selectOption('high');
	await page.getByLabel('Hur mycket undervisningstid gick förlorad?').fill('1');
	await page.getByLabel('Bilagor (valfritt)').setInputFiles({ name: 'skrivaren.png', mimeType: 'image/png', buffer: PNG });
	await page.getByRole('button', { name: 'Skicka ärendet' }).click();

	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Skriv en kort rubrik');
	await expect(summary).toBeFocused();
	expect(await mark(page), 'no full page load').toBe('still here');
	await expect(page.getByLabel('Vad har hänt?')).toHaveValue(description);
	await expect(page.getByLabel('Hur brådskande är det?')).toHaveValue('high');
	await expect(page.getByLabel('Hur mycket undervisningstid gick förlorad?')).toHaveValue('1');
	await expect(page.getByLabel('Teknisk support')).toBeChecked();
	// The chosen file is still chosen, so the page does not ask for it again.
	expect(await page.getByLabel('Bilagor (valfritt)').evaluate((el: HTMLInputElement) => el.files?.length)).toBe(1);
	await expect(page.getByText('Välj filerna igen')).toHaveCount(0);
	await expectAccessible(page);

	// A double click sends the case once: the second submit is dropped while the first is on its way.
	await page.getByLabel('Rubrik').fill(title);
	await page.getByRole('button', { name: 'Skicka ärendet' }).dblclick();
	await expect(page).toHaveURL(/\/support\/\d+\?anmalt$/);
	caseNumber = page.url().match(/\/support\/(\d+)/)![1];
	expect(await mark(page), 'the redirect is followed without a page load').toBe('still here');
	await expect(page.getByRole('status')).toContainText(`nummer ${caseNumber}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Ärende ${caseNumber}: ${title}`);
	await expect(page.getByRole('link', { name: 'skrivaren.png' })).toBeVisible();
	await expectAccessible(page);

	await page.goto(`${ORG}/support`);
	await expect(page.getByRole('link', { name: title })).toHaveCount(1);
});

test('with JavaScript, an empty answer from the key person keeps the tick and focuses the summary; the answer then lands', async ({
	page
}) => {
	await signIn(page, KEY.email, PASSWORD);
	await page.goto(`${ORG}/support/${caseNumber}`);
	await markWindow(page);
	await page.getByLabel('Vänta på svar från anmälaren').check();
	await page.getByRole('button', { name: 'Skicka svaret' }).click();
	await expect(page.getByRole('alert')).toContainText('Skriv ett svar till anmälaren.');
	await expect(page.getByRole('alert')).toBeFocused();
	expect(await mark(page)).toBe('still here');
	await expect(page.getByLabel('Vänta på svar från anmälaren')).toBeChecked();
	await expectAccessible(page);

	const answer = `Har du provat att byta toner? ${stamp}`;
	await page.getByLabel('Svar', { exact: true }).fill(answer);
	await page.getByRole('button', { name: 'Skicka svaret' }).click();
	// Back on the case as after a reload: the answer on the timeline, the form empty, the case waiting.
	await expect(page.getByText(answer)).toBeVisible();
	await expect(page.getByLabel('Svar', { exact: true })).toHaveValue('');
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(page.getByRole('definition').filter({ hasText: 'Väntar på anmälaren' })).toBeVisible();
	expect(await mark(page)).toBe('still here');
	await expectAccessible(page);
});

test('with JavaScript, a plan action without a title keeps what was typed; with one it is added', async ({ page }) => {
	const title = `Läsfrämjande rastaktiviteter ${stamp}`;
	await signIn(page, PRINCIPAL.email, PASSWORD);
	await page.goto(`${ORG}/planering`);
	await page
		.getByRole('row')
		.filter({ hasText: UNIT.name })
		.getByRole('link', { name: `Lägg till första aktiviteten för ${UNIT.name}` })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny aktivitet');
	await markWindow(page);
	await page.getByLabel('Hur ska det göras?').fill('Bokcirkel på långrasten två gånger i veckan.');
	await page.getByLabel('Timmar').fill('6');
	await page.getByRole('button', { name: 'Lägg till aktiviteten' }).click();
	await expect(page.getByRole('alert')).toContainText('Skriv vad som ska göras');
	await expect(page.getByRole('alert')).toBeFocused();
	expect(await mark(page)).toBe('still here');
	await expect(page.getByLabel('Hur ska det göras?')).toHaveValue('Bokcirkel på långrasten två gånger i veckan.');
	await expect(page.getByLabel('Timmar')).toHaveValue('6');

	await page.getByLabel('Vad ska göras?').fill(title);
	await page.getByRole('button', { name: 'Lägg till aktiviteten' }).click();
	await expect(page).toHaveURL(/\/planering\/aktivitet\/[0-9a-f-]{36}\?ny$/);
	await expect(page.getByRole('status')).toHaveText('Aktiviteten är tillagd i planen.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	expect(await mark(page)).toBe('still here');

	// The status form on the action: saved in place, its note emptied as after a reload.
	await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Pågår' });
	await page.getByLabel('Anteckning').fill('Första bokcirkeln är hållen.');
	await page.getByRole('button', { name: 'Spara status' }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringen är sparad.');
	await expect(page.getByText('Första bokcirkeln är hållen.')).toBeVisible();
	await expect(page.getByLabel('Anteckning')).toHaveValue('');
	await expect(page.getByLabel('Status', { exact: true }).locator('option:checked')).toHaveText('Pågår');
	expect(await mark(page)).toBe('still here');
});

test('without JavaScript, the same filing form refuses a missing title with what was typed kept, then files the case', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const title = `Datorvagnen laddar inte ${stamp}`;
	await signIn(page, STAFF.email, PASSWORD);
	await page.goto(`${ORG}/support/ny`);
	await page.getByLabel('Teknisk support').check();
	await page.getByLabel('Vad har hänt?').fill('Ingen av datorerna laddas över natten.');
	await page.getByRole('button', { name: 'Skicka ärendet' }).click();
	await expect(page.getByRole('alert')).toContainText('Skriv en kort rubrik');
	await expect(page.getByLabel('Vad har hänt?')).toHaveValue('Ingen av datorerna laddas över natten.');
	await expect(page.getByLabel('Teknisk support')).toBeChecked();

	await page.getByLabel('Rubrik').fill(title);
	await page.getByRole('button', { name: 'Skicka ärendet' }).click();
	await expect(page).toHaveURL(/\/support\/\d+\?anmalt$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
	await context.close();
});
