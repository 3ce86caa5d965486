/**
 * The operational follow-up (issue 20, item 2): a principal sees their area beside the organizer's average,
 * normalised per 100 students, and their units side by side — never another area's units.
 */
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const PRINCIPAL = planDemo().people.find((p) => p.signIn?.startsWith('principal ('))!;

test('a principal sees their area beside the organizer, per 100 students', async ({ page }) => {
	test.setTimeout(90_000);
	await signIn(page, PRINCIPAL.email, DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}/uppfoljning/verksamhet`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verksamhetens uppföljning – Rektorsområde Norr');

	const beside = page.getByRole('table', { name: 'Rektorsområde Norr jämfört med Exempelkommun som helhet' });
	await expect(beside.getByRole('columnheader')).toHaveText(['Mått', 'Rektorsområde Norr', 'Snitt för Exempelkommun']);
	const per100 = beside.getByRole('row', { name: /^Förlorade lektioner per 100 elever/ }).getByRole('cell');
	await expect(per100).toHaveText([/^\d+(,\d)?$/, /^\d+(,\d)?$/]);

	// Side by side: the area's own units only, with the organizer's average as the reference line.
	const units = page.getByRole('table', { name: 'Ärenden och förlorade lektioner per enhet, i förhållande till storlek' });
	await expect(units.getByRole('rowheader')).toHaveText(['Björkhagens förskola', 'Lärkängens förskola', 'Solbackaskolan']);
	await expect(page.getByText(/^Över 3 enheter: lägst/).first()).toBeVisible();
	await expect(page.getByRole('option', { name: /Ängsskolan/ })).toHaveCount(0);
	await expectAccessible(page);

	// The trend by term, its numbers one click away.
	await page.getByLabel('Trend per').selectOption('termin');
	await page.getByRole('button', { name: 'Visa', exact: true }).click();
	await expect(page).toHaveURL(/steg=termin/);
	await page.getByText('Visa Ärenden som tabell').click();
	await expect(page.getByRole('table', { name: 'Ärenden' }).getByRole('rowheader').first()).toHaveText(/^(HT|VT) \d{4}$/);
	await expectAccessible(page);
});
