/**
 * Action plans, part 1: an administrator sets up a unit with a principal and a key person; the principal adds
 * the unit plan's first action (a bad due date is refused beside the field with the input kept), gives it an
 * owner and a due date, changes its status with a note and reads the history; the owner follows it up too.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from '../axe';
import { addPersonWithRole, addSchoolUnit, setPasswordThroughOutbox, signIn, signInAsAdmin, TEST_ORG } from '../helpers';

test.describe.configure({ mode: 'serial' });

const ORG = TEST_ORG.slug;
const UNIT = { name: 'Planskolan', code: '93320001' };
const PASSWORD = 'ett långt lösenord för planeringen';
const PRINCIPAL = { name: 'Petra Plan', email: 'petra.plan@planering.exempel.se', role: 'Rektor' };
const KEY = { name: 'Nils Nyckel', email: 'nils.nyckel@planering.exempel.se', role: 'Pedagogisk nyckelperson' };
const TITLE = 'Fortbildning i källkritik för åk 4–6';

let actionPath = '';

test('an administrator sets up a unit with a principal and a key person', async ({ page, browser }) => {
	test.setTimeout(120_000);
	await signInAsAdmin(page);
	await addSchoolUnit(page, ORG, UNIT);
	for (const p of [PRINCIPAL, KEY]) {
		await addPersonWithRole(page, p, UNIT.name);
		await setPasswordThroughOutbox(browser, page, p.email, PASSWORD);
	}
});

test('the principal adds an action to the unit plan; a due date before the start is refused beside the field', async ({ page }) => {
	await signIn(page, PRINCIPAL.email, PASSWORD);
	await page.goto(`/${ORG}`);
	await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Planering' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Planering');
	const row = page.getByRole('row').filter({ hasText: UNIT.name });
	await expect(row).toContainText('ingen plan ännu');
	await expectAccessible(page);
	await row.getByRole('link', { name: `Lägg till första aktiviteten för ${UNIT.name}` }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny aktivitet');
	await expect(page.getByLabel('Plan', { exact: true })).toHaveValue(/^[0-9a-f-]{36}$/);
	await page.getByLabel('Vad ska göras?').fill(TITLE);
	await page.getByLabel('Hur ska det göras?').fill('Två halvdagar med skolbiblioteket.');
	await page.getByLabel('Startar').fill('2026-09-01');
	await page.getByLabel('Klart senast').fill('2026-08-01');
	await page.getByLabel('Ansvarig', { exact: true }).selectOption({ label: KEY.name });
	await page.getByLabel('Vilken effekt vill vi se?').fill('Eleverna granskar källor på egen hand.');
	await page.getByLabel('Timmar').fill('8');
	const goals = page.getByRole('group', { name: /^Delmål i / }).first();
	const firstGoal = goals.getByRole('checkbox').first();
	await firstGoal.check();
	await page.getByRole('button', { name: 'Lägg till aktiviteten' }).click();

	const due = page.locator('.field').filter({ has: page.getByLabel('Klart senast') });
	await expect(due.locator('.error-message')).toContainText('Klart senast kan inte vara före startdatumet');
	await expect(page.getByRole('alert')).toContainText('Klart senast kan inte vara före startdatumet');
	await expect(page.getByLabel('Vad ska göras?')).toHaveValue(TITLE);
	await expect(page.getByLabel('Klart senast')).toHaveValue('2026-08-01');
	await expect(page.getByLabel('Ansvarig', { exact: true })).toHaveValue(/^[0-9a-f-]{36}$/);
	await expect(page.getByLabel('Ansvarig', { exact: true }).locator('option:checked')).toHaveText(KEY.name);
	await expect(
		page
			.getByRole('group', { name: /^Delmål i / })
			.first()
			.getByRole('checkbox')
			.first()
	).toBeChecked();
	await expectAccessible(page);

	await page.getByLabel('Klart senast').fill('2026-12-15');
	await page.getByRole('button', { name: 'Lägg till aktiviteten' }).click();
	await expect(page).toHaveURL(/\/planering\/aktivitet\/[0-9a-f-]{36}\?ny$/);
	actionPath = new URL(page.url()).pathname;
	await expect(page.getByRole('status')).toHaveText('Aktiviteten är tillagd i planen.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	await expect(page.getByText(KEY.name)).toBeVisible();
	await expect(page.getByText('8 timmar')).toBeVisible();
	await expectAccessible(page);
});

test('the principal changes the status with a note and sees it in the history and the plan', async ({ page }) => {
	await signIn(page, PRINCIPAL.email, PASSWORD);
	await page.goto(actionPath);
	await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Pågår' });
	await page.getByLabel('Anteckning').fill('Första halvdagen är hållen.');
	await page.getByRole('button', { name: 'Spara status' }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringen är sparad.');
	const history = page.getByRole('list').filter({ hasText: 'Aktiviteten lades till' });
	await expect(history.getByRole('listitem')).toHaveCount(2);
	await expect(history.getByRole('listitem').nth(1)).toContainText('Status ändrad från Planerad till Pågår');
	await expect(history.getByRole('listitem').nth(1)).toContainText('Första halvdagen är hållen.');
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Ändra aktiviteten' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Ändra ”${TITLE}”`);
	await expect(page.getByLabel('Timmar')).toHaveValue('8');
	await expectAccessible(page);
	await page.getByLabel('Timmar').fill('10');
	await page.getByRole('button', { name: 'Spara ändringarna' }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringen är sparad.');
	await expect(page.getByText('10 timmar')).toBeVisible();

	await page.getByRole('link', { name: /^Tillbaka till Planskolan/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(UNIT.name);
	const row = page.getByRole('row').filter({ hasText: TITLE });
	await expect(row).toContainText('Pågår');
	await expect(row).toContainText(KEY.name);
	await page.getByLabel('Visa status').selectOption({ label: 'Klar' });
	await page.getByRole('button', { name: 'Visa', exact: true }).click();
	await expect(page.getByText('Inga aktiviteter har den statusen.')).toBeVisible();
	await expectAccessible(page);

	await page.goto(`/${ORG}/planering`);
	const overview = page.getByRole('row').filter({ hasText: UNIT.name });
	await expect(overview.getByRole('link', { name: UNIT.name })).toBeVisible();
});

test('a suggestion from a report opens the form filled in with its item and text', async ({ page }) => {
	await signIn(page, PRINCIPAL.email, PASSWORD);
	await page.goto(`/${ORG}/planering/ny`);
	const unitId = await page.getByLabel('Plan', { exact: true }).locator('option', { hasText: UNIT.name }).getAttribute('value');
	const q = new URLSearchParams({
		scope: unitId!,
		links: 'nationella-strategin:1.1:ns.1-1.programmering',
		title: 'Programmering i fler ämnen',
		how: 'Vi har kommit igång i matematik.'
	});
	await page.goto(`/${ORG}/planering/ny?${q}`);
	await expect(page.getByLabel('Vad ska göras?')).toHaveValue('Programmering i fler ämnen');
	await expect(page.getByLabel('Hur ska det göras?')).toHaveValue('Vi har kommit igång i matematik.');
	const group = page.getByRole('group', { name: /^Delmål i / }).first();
	await expect(group.getByRole('checkbox', { checked: true })).toHaveCount(1);
	// A failed send keeps the item on offer and ticked.
	await page.getByLabel('Vad ska göras?').fill('');
	await page.getByRole('button', { name: 'Lägg till aktiviteten' }).click();
	await expect(page.getByRole('alert')).toContainText('Skriv vad som ska göras');
	await expect(
		page
			.getByRole('group', { name: /^Delmål i / })
			.first()
			.getByRole('checkbox', { checked: true })
	).toHaveCount(1);
});

test('the key person responsible updates the status but may not edit the action; the page reads in English', async ({ page }) => {
	await signIn(page, KEY.email, PASSWORD);
	await page.goto(actionPath);
	await expect(page.getByRole('link', { name: 'Ändra aktiviteten' })).toHaveCount(0);
	await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Klar' });
	await page.getByRole('button', { name: 'Spara status' }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringen är sparad.');
	expect((await page.request.get(`${actionPath}/andra`)).status()).toBe(403);

	await page.getByRole('button', { name: 'In English' }).click();
	await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
	await expect(page.getByText('Status changed from In progress to Done')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'På svenska' }).click();
});

test('without JavaScript the principal adds an action and follows it up', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, PRINCIPAL.email, PASSWORD);
	await page.goto(`/${ORG}/planering/ny`);
	await page.getByLabel('Plan', { exact: true }).selectOption({ label: UNIT.name });
	await page.getByLabel('Vad ska göras?').fill('Utan skript');
	await page.getByLabel('Startar').fill('2026-10-01');
	await page.getByLabel('Klart senast').fill('2026-09-01');
	await page.getByRole('button', { name: 'Lägg till aktiviteten' }).click();
	await expect(page.getByRole('alert')).toContainText('Klart senast kan inte vara före startdatumet');
	await expect(page.getByLabel('Vad ska göras?')).toHaveValue('Utan skript');
	await page.getByLabel('Klart senast').fill('2026-11-01');
	await page.getByRole('button', { name: 'Lägg till aktiviteten' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Utan skript');
	await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Pausad' });
	await page.getByLabel('Anteckning').fill('Väntar på licenser.');
	await page.getByRole('button', { name: 'Spara status' }).click();
	await expect(page.getByText('Status ändrad från Planerad till Pausad')).toBeVisible();
	await expect(page.getByText('Väntar på licenser.')).toBeVisible();
	await context.close();
});
