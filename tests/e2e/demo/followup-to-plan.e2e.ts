/**
 * From the support follow-up to a planned action in one step (issue 13): leadership turns the unit that lost
 * the most lessons, and the most frequent category, into actions whose form arrives filled in.
 */
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const LEADER = planDemo().people.find((p) => p.signIn === 'leadership')!;

test('leadership plans an action straight from the lost lessons of a unit and from a frequent category', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, LEADER.email, DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}/support/uppfoljning`);
	await expectAccessible(page);

	// The unit with the most lost lessons comes first in its table.
	const units = page.getByRole('table', { name: 'Förlorad undervisningstid per enhet, flest förlorade lektioner först' });
	const first = units.getByRole('row').nth(1);
	const unitName = (await first.getByRole('rowheader').innerText()).trim();
	await first.getByRole('link', { name: `Gör till aktivitet: ${unitName}` }).click();
	await expect(page).toHaveURL(/\/planering\/ny\?/);
	await expect(page.getByLabel('Vad ska göras?')).toHaveValue(`Färre förlorade lektioner på ${unitName}`);
	await expect(page.getByLabel('Hur ska det göras?')).toHaveValue(/gick \d+(,\d)? lektioner förlorade i \d+ supportärenden/);
	await expect(page.getByLabel('Plan', { exact: true }).locator('option:checked')).toContainText(unitName);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Lägg till aktiviteten' }).click();
	await expect(page).toHaveURL(/\/planering\/aktivitet\/[0-9a-f-]{36}\?ny$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(`Färre förlorade lektioner på ${unitName}`);

	// A category: the action belongs to the organizer's plan and carries the category.
	await page.goto(`/${DEMO_SLUG}/support/uppfoljning`);
	// The most frequent category that is one (cases without a category have nothing to carry).
	const categories = page.getByRole('table', { name: 'Ärenden och förlorad tid per kategori, vanligast först' });
	const link = categories.getByRole('link', { name: /^Gör till aktivitet: / }).first();
	const category = (await link.getAttribute('aria-label'))!.replace('Gör till aktivitet: ', '');
	await link.click();
	await expect(page.getByLabel('Vad ska göras?')).toHaveValue(`Färre ärenden om ${category}`);
	await expect(page.getByLabel('Supportkategori').locator('option:checked')).toContainText(category);
	await expectAccessible(page);
});
