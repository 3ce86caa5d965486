/**
 * Undersök → Analysera → Agera (issue 13 item 5): an administrator sets up a unit with a principal and a key
 * person; the principal opens a cycle for the unit with the key person in its working group, notes an answer,
 * writes the analysis, fills an Agera row (without a responsible person first: refused beside the field, the
 * input kept), creates the action and finds it in the unit's plan. Axe on every step; the overview in English.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from '../axe';
import { addPersonWithRole, addSchoolUnit, setPasswordThroughOutbox, signIn, signInAsAdmin, TEST_ORG } from '../helpers';

test.describe.configure({ mode: 'serial' });

const ORG = TEST_ORG.slug;
const UNIT = { name: 'Cykelskolan', code: '93320077' };
const PASSWORD = 'ett långt lösenord för cyklerna';
const PRINCIPAL = { name: 'Cecilia Cykel', email: 'cecilia.cykel@cykler.exempel.se', role: 'Rektor' };
const KEY = { name: 'Kalle Kedja', email: 'kalle.kedja@cykler.exempel.se', role: 'Teknisk nyckelperson (1:a linjen)' };
const ACTION = 'Skriv ner nyckelpersonernas uppdrag';
const QUESTION = 'Hur fungerar samarbetet med central IT?';

let cyclePath = '';

test('an administrator sets up a unit with a principal and a key person', async ({ page, browser }) => {
	test.setTimeout(120_000);
	await signInAsAdmin(page);
	await addSchoolUnit(page, ORG, UNIT);
	for (const p of [PRINCIPAL, KEY]) {
		await addPersonWithRole(page, p, UNIT.name);
		await setPasswordThroughOutbox(browser, page, p.email, PASSWORD);
	}
});

test('the principal opens a cycle for the unit with a working group, notes an answer and writes the analysis', async ({ page }) => {
	await signIn(page, PRINCIPAL.email, PASSWORD);
	await page.goto(`/${ORG}/planering`);
	await page.getByRole('link', { name: 'Undersök, analysera, agera' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Undersök, analysera, agera');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Öppna en ny cykel' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny cykel');
	await page.getByLabel('Gäller').selectOption({ label: UNIT.name });
	await page.getByLabel('Namn', { exact: true }).fill('Supporten hösten 2026');
	await page.getByRole('group', { name: 'Arbetsgrupp' }).getByLabel(KEY.name).check();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Öppna cykeln' }).click();

	await expect(page).toHaveURL(/\/planering\/cykler\/[0-9a-f-]{36}\?ny$/);
	cyclePath = new URL(page.url()).pathname;
	await expect(page.getByRole('status')).toHaveText('Cykeln är öppnad.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Supporten hösten 2026');
	await expect(page.getByRole('listitem').filter({ hasText: KEY.name })).toContainText(`${KEY.role}, ${UNIT.name}`);
	const steps = page.getByRole('navigation', { name: 'Cykelns steg' });
	await expect(steps.getByRole('listitem')).toHaveText([/Undersök.*inte påbörjat/, /Analysera.*inte påbörjat/, /Agera.*inte påbörjat/]);
	await expectAccessible(page);

	await steps.getByRole('link', { name: /Undersök/ }).click();
	await expect(steps.getByRole('link', { name: /Undersök/ })).toHaveAttribute('aria-current', 'step');
	await expect(page.getByRole('complementary')).toContainText(`Fakta om ${UNIT.name}`);
	await page.getByLabel(QUESTION).fill('Vi träffar IT en gång per termin, det räcker inte.');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Spara anteckningarna' }).click();
	await expect(page.getByRole('status')).toHaveText('Sparat.');
	await expect(page.getByLabel(QUESTION)).toHaveValue('Vi träffar IT en gång per termin, det räcker inte.');
	await expect(steps.getByRole('listitem').first()).toContainText('påbörjat');
	await expect(steps.getByRole('listitem').first()).not.toContainText('inte påbörjat');

	await steps.getByRole('link', { name: /Analysera/ }).click();
	await page.getByLabel('Våra styrkor').fill('Första linjen löser det mesta samma dag.');
	await page.getByLabel('Våra utvecklingsbehov').fill('Uppdragen för nyckelpersonerna är inte nedskrivna.');
	await page.getByLabel('Följder för eleverna').fill('Klasser får olika mycket hjälp.');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Spara analysen' }).click();
	await expect(page.getByRole('status')).toHaveText('Sparat.');
	await expect(page.getByLabel('Våra utvecklingsbehov')).toHaveValue('Uppdragen för nyckelpersonerna är inte nedskrivna.');
});

test('Agera: a row without a responsible person is refused beside the field and kept; with one it becomes an action of the unit plan', async ({
	page
}) => {
	await signIn(page, PRINCIPAL.email, PASSWORD);
	await page.goto(`${cyclePath}/agera`);
	await expect(page.getByRole('heading', { level: 2, name: 'Agera' })).toBeVisible();
	await expectAccessible(page);
	await page.locator('#e-cohesive-0-what').fill(ACTION);
	await page.locator('#e-cohesive-0-how').fill('Rektor och nyckelperson skriver en sida.');
	await page.locator('#e-cohesive-0-dueOn').fill('2027-01-31');
	await page.locator('#e-cohesive-0-effect').fill('Alla vet vem som gör vad.');
	await page.getByRole('button', { name: 'Skapa aktiviteter' }).click();

	const responsible = page.locator('.field').filter({ has: page.locator('#e-cohesive-0-responsibleId') });
	await expect(responsible.locator('.error-message')).toContainText('Välj vem som är ansvarig');
	await expect(page.getByRole('alert')).toContainText('Välj vem som är ansvarig');
	await expect(page.locator('#e-cohesive-0-what')).toHaveValue(ACTION);
	await expect(page.locator('#e-cohesive-0-dueOn')).toHaveValue('2027-01-31');
	await expect(page.locator('#e-cohesive-0-effect')).toHaveValue('Alla vet vem som gör vad.');
	await expectAccessible(page);

	await page.locator('#e-cohesive-0-responsibleId').selectOption({ label: KEY.name });
	await page.getByRole('button', { name: 'Skapa aktiviteter' }).click();
	await expect(page.getByRole('status')).toHaveText('Aktiviteterna är skapade i planen.');
	const made = page.getByRole('table', { name: 'Redan aktiviteter' }).getByRole('row').filter({ hasText: ACTION });
	await expect(made).toContainText(KEY.name);
	await expect(made).toContainText('Planerad');
	await expect(made).toContainText('Sammanhållen digitalisering');
	// The row is an action now, so the form offers a fresh, empty one.
	await expect(page.locator('#e-cohesive-0-what')).toHaveValue('');
	await expectAccessible(page);

	await page.goto(`/${ORG}/planering`);
	await page.getByRole('row').filter({ hasText: UNIT.name }).getByRole('link', { name: UNIT.name }).click();
	await expect(page.getByRole('row').filter({ hasText: ACTION })).toContainText(KEY.name);
});

test('the key person in the working group reads the cycle and its action; the overview reads in English', async ({ page }) => {
	await signIn(page, KEY.email, PASSWORD);
	await page.goto(cyclePath);
	await expect(page.getByRole('table', { name: 'Aktiviteter från den här cykeln' })).toContainText(ACTION);
	await page.getByRole('button', { name: 'In English' }).click();
	await expect(page.getByRole('heading', { name: 'Working group' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Steps of the cycle' }).getByRole('listitem')).toHaveText([
		/Investigate.*started/,
		/Analyse.*started/,
		/Act.*started/
	]);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'På svenska' }).click();
});

test('without JavaScript the key person in the working group saves an Agera row as a draft but cannot create actions', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, KEY.email, PASSWORD);
	await page.goto(`${cyclePath}/agera`);
	await expect(page.getByRole('button', { name: 'Skapa aktiviteter' })).toHaveCount(0);
	await page.locator('#e-technical-0-what').fill('Skal till skärmarna i årskurs 4–6');
	await page.getByRole('button', { name: 'Spara tabellen' }).click();
	await expect(page.getByRole('status')).toHaveText('Sparat.');
	await expect(page.locator('#e-technical-0-what')).toHaveValue('Skal till skärmarna i årskurs 4–6');
	await expect(page.locator('#e-technical-1-what')).toHaveValue('');
	await context.close();
});

test('the principal changes the working group; the key person, no longer in it, only reads the cycle', async ({ page, browser }) => {
	await signIn(page, PRINCIPAL.email, PASSWORD);
	await page.goto(cyclePath);
	await page.getByRole('link', { name: 'Ändra arbetsgruppen' }).click();
	const group = page.getByRole('group', { name: 'Arbetsgrupp' });
	await expect(group.getByLabel(KEY.name)).toBeChecked();
	await expectAccessible(page);
	await group.getByLabel(KEY.name).uncheck();
	await page.getByRole('button', { name: 'Spara arbetsgruppen' }).click();
	await expect(page.getByRole('status')).toHaveText('Arbetsgruppen är sparad.');
	await expect(page.getByText('Ingen arbetsgrupp är vald.')).toBeVisible();

	const key = await browser.newPage();
	await signIn(key, KEY.email, PASSWORD);
	const answer = await key.goto(`${cyclePath}/grupp`);
	expect(answer?.status()).toBe(403);
	await key.close();
});
