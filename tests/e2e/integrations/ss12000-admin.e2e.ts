/**
 * The SS 12000 page (issue 16, decision 051): an organization administrator finds it empty with what to do next, is
 * told beside the field when the address is wrong (what was typed is kept), saves the settings, and
 * cannot start the first sync before a dry run. The sync itself is tested in the db tier against the mock server.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from '../axe';
import { signInAsAdmin, TEST_ORG } from '../helpers';

test('an administrator sets up the SS 12000 service and is asked for a dry run before the first sync', async ({ page }) => {
	await signInAsAdmin(page);
	await page.goto(`/${TEST_ORG.slug}/admin/ss12000`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Synk från SS 12000');
	await expectAccessible(page);

	await page.getByLabel('Tjänstens adress').fill('inte en adress');
	await page.getByLabel('Token eller klienthemlighet').fill('hemlig-token');
	await page.getByRole('button', { name: 'Spara inställningarna' }).click();
	await expect(page.locator('#baseUrl-error')).toContainText('Skriv en adress som börjar med https://');
	await expect(page.getByLabel('Tjänstens adress')).toHaveValue('inte en adress');

	await page.getByLabel('Tjänstens adress').fill('https://ss12000.testkommun.se/v2.0');
	await page.getByLabel('Token eller klienthemlighet').fill('hemlig-token');
	await page.getByRole('button', { name: 'Spara inställningarna' }).click();
	await expect(page.getByRole('status')).toContainText('Inställningarna är sparade.');
	await expect(page.getByText('En hemlighet är sparad.')).toBeVisible();
	await expect(page.getByLabel('Rektor', { exact: true })).toHaveValue('principal');

	await page.getByRole('button', { name: 'Synka nu' }).click();
	await expect(page.getByText('Gör en provkörning innan den första synken.').first()).toBeVisible();
	await expectAccessible(page);
});
