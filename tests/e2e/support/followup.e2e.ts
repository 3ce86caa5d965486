import { expect, test } from '@playwright/test';
import { expectAccessible } from '../axe';
import { signInAsAdmin, TEST_ORG } from '../helpers';

test.describe('the support follow-up page', () => {
	test('explains an empty period, keeps the chosen filters and reads in English too', async ({ page }) => {
		await signInAsAdmin(page);
		await page.goto(`/${TEST_ORG.slug}/support/uppfoljning`);
		await expect(page.getByRole('heading', { level: 1, name: 'Uppföljning av supporten' })).toBeVisible();
		const years = await page.getByLabel('Läsår').locator('option').allTextContents();
		expect(years).toHaveLength(3);
		await page.getByLabel('Läsår').selectOption(years[1]);
		await page.getByLabel('Supportkedja').selectOption('pedagogical');
		await page.getByRole('button', { name: 'Visa' }).click();
		await expect(page).toHaveURL(/kedja=pedagogical/);
		await expect(page.getByLabel('Läsår')).toHaveValue(years[1]);
		await expect(page.getByLabel('Supportkedja')).toHaveValue('pedagogical');
		// Self-help in the same period: a year back nothing has been solved by an article, and the page says so.
		await expect(page.getByRole('heading', { level: 2, name: 'Självhjälp' })).toBeVisible();
		await expect(page.getByText('Ingen artikel har avslutat en anmälan under perioden.', { exact: false })).toBeVisible();
		await expectAccessible(page);

		await page.getByRole('button', { name: 'In English' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Support follow-up' })).toBeVisible();
		await expectAccessible(page);
	});

	test('shrugs off odd query strings and unknown units instead of failing', async ({ page }) => {
		await signInAsAdmin(page);
		const odd = await page.goto(`/${TEST_ORG.slug}/support/uppfoljning?lasar=%27%3Bdrop&kedja=%3Cscript%3E`);
		expect(odd?.status()).toBe(200);
		const unknown = await page.goto(`/${TEST_ORG.slug}/support/uppfoljning/00000000-0000-4000-8000-000000000000`);
		expect(unknown?.status()).toBe(404);
		const junk = await page.goto(`/${TEST_ORG.slug}/support/uppfoljning/inte-ett-id`);
		expect(junk?.status()).toBe(404);
	});
});
