/**
 * The operational follow-up (issue 20, item 2): a principal sees their area beside the organizer's average,
 * normalised per 100 students, and their units side by side — never another area's units.
 */
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const PRINCIPAL = planDemo().people.find((p) => p.signIn?.startsWith('principal ('))!;
const LEADER = planDemo().people.find((p) => p.signIn === 'leadership')!;

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

test('leadership sees published comparison values beside the organizer’s own figures, with source and period', async ({ page }) => {
	test.setTimeout(90_000);
	const today = new Date().toISOString().slice(0, 10);
	// The school year before this one: the demo's Kolada-style values are for the last two calendar years.
	const start = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) >= 7 ? 0 : 1) - 1;
	const year = `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
	await signIn(page, LEADER.email, DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}/uppfoljning/verksamhet?lasar=${encodeURIComponent(year)}`);
	const table = page.getByRole('table', { name: `Publicerade nyckeltal bredvid egna mått för Exempelkommun, läsår ${year}` });
	const row = table.getByRole('row').filter({ hasText: 'Kolada N90101' }).first();
	await expect(row.getByRole('rowheader')).toHaveText(/^Förlorad undervisningstid \(lektioner\) per 100 elever/);
	await expect(row.getByRole('cell').nth(3)).toHaveText(/^Kommunen \(\d{4}\)$/);
	await expect(row.getByRole('cell').nth(4)).toHaveText(/^\d{4}$/);
	// Only the municipality stands beside the organizer as a whole: no school unit's own value here.
	await expect(table.getByRole('cell', { name: /^Kommunen/ })).toHaveCount((await table.getByRole('row').count()) - 1);
	await expectAccessible(page);
});
