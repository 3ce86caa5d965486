/**
 * Key people's capacity (issue 15, item 8; decision 043): the principal of Rektorsområde Norr sees the demo's key
 * people flagged overloaded and unused in words, gives a key person time (a bad number is refused beside the field
 * with the choices kept), and the key person reads their own without JavaScript, with no form to change it.
 */
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const demo = planDemo();
const PRINCIPAL = demo.people.find((p) => p.signIn?.startsWith('principal ('))!;
const KEY = demo.people.find((p) => p.signIn?.startsWith('pedagogical_key_person ('))!;

test('the principal sees the overloaded and the unused assignment and gives a key person time', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, PRINCIPAL.email, DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}`);
	await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Kapacitet' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nyckelpersonernas tid');
	await expect(page.getByText('Överbelastad', { exact: true }).first()).toBeVisible();
	await expect(page.getByText('Outnyttjad', { exact: true }).first()).toBeVisible();
	await expect(page.getByRole('table').first()).toContainText('Tilldelad');
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Lägg in tid för en nyckelperson' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lägg in tid för en nyckelperson');
	await page.getByLabel('Nyckelperson').selectOption({ label: `${KEY.name} (Solbackaskolan)` });
	await page.getByLabel('Enhet', { exact: true }).selectOption({ label: 'Solbackaskolan' });
	await page.getByLabel('Uppdrag').selectOption({ label: 'Pedagogisk nyckelperson' });
	await page.getByLabel('Timmar i veckan').fill('0');
	await page.getByLabel('Anteckning (frivilligt)').fill('Extra tid för lärplattformen');
	await page.getByRole('button', { name: 'Spara tilldelningen' }).click();
	await expect(page.getByRole('alert')).toContainText('Skriv antalet timmar i veckan som ett tal större än 0');
	await expect(page.getByLabel('Nyckelperson')).toHaveValue(/[0-9a-f-]{36}/);
	await expect(page.getByLabel('Anteckning (frivilligt)')).toHaveValue('Extra tid för lärplattformen');
	await expectAccessible(page);

	await page.getByLabel('Timmar i veckan').fill('1,5');
	await page.getByRole('button', { name: 'Spara tilldelningen' }).click();
	await expect(page.getByRole('status')).toHaveText('Tilldelningen är sparad.');
	await expect(page.getByText('Extra tid för lärplattformen').first()).toBeVisible();
});

test('without JavaScript the key person reads their own time and has nothing to change', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, locale: 'sv-SE' });
	const page = await context.newPage();
	await signIn(page, KEY.email, DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}/kapacitet`);
	await expect(page.getByRole('heading', { level: 2, name: `${KEY.name} – Pedagogisk nyckelperson` })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Lägg in tid för en nyckelperson' })).toHaveCount(0);
	await page
		.getByRole('link', { name: /^Visa tilldelningen i / })
		.first()
		.click();
	await expect(page.getByText('Din rektor ändrar tilldelningen.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Avsluta i dag' })).toHaveCount(0);
	await context.close();
});
