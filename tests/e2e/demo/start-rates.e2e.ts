// Covers: findStartRates on the organizer's start page (StartRates), and its link to the results.
/**
 * Issue 14 item 6: leadership and readers see on their start page how many have answered the open round and the
 * latest closed one, per unit and perspective, in counts and percentages, and go on to the results from there.
 * Staff do not get the table.
 */
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const people = planDemo().people;
const emailOf = (label: string) => people.find((p) => p.signIn?.startsWith(label))!.email;

test('leadership sees the response rates of the open and the latest closed round on the start page and opens the results', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, emailOf('leadership'), DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}`);
	const region = page.getByRole('region', { name: 'Svarsfrekvens' });
	await expect(region).toBeVisible();
	const open = region.getByRole('table', { name: /^Självskattning digitalisering \d{4}: öppen, sista svarsdag/ });
	const closed = region.getByRole('table', { name: /^Självskattning digitalisering \d{4}: avslutad/ });
	await expect(open).toBeVisible();
	await expect(closed).toBeVisible();
	await expect(open.getByRole('columnheader', { name: 'Personal' })).toBeVisible();
	await expect(open.getByRole('columnheader', { name: 'Elever' })).toBeVisible();
	// One row per unit of the round, with counts and a percentage for staff, and a total row.
	const rows = open.locator('tbody tr');
	expect(await rows.count()).toBeGreaterThan(3);
	const staffCells = await rows.locator('td:nth-of-type(2)').allInnerTexts();
	for (const text of staffCells) expect(text).toMatch(/^\d+ av \d+ \(\d+ %\)/);
	await expect(open.locator('tfoot')).toContainText('Alla enheter');
	// Nothing but counts: no levels, no names.
	expect(await open.innerText()).not.toMatch(/\d,\d/);
	await expectAccessible(page);

	const results = region.getByRole('link', { name: /^Se resultaten för Självskattning digitalisering/ }).first();
	const href = await results.getAttribute('href');
	expect(href).toMatch(new RegExp(`^/${DEMO_SLUG}/skattning/[0-9a-f-]{36}/rapport$`));
	await results.click();
	await expect(page).toHaveURL(new RegExp(`${href}$`));
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

	await page.goto(`/${DEMO_SLUG}`);
	await page.getByRole('button', { name: 'In English' }).click();
	await expect(page.getByRole('region', { name: 'Response rates' })).toContainText('All units');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'På svenska' }).click();
});

test('a reader sees the rates too; a teacher does not', async ({ page }) => {
	await signIn(page, emailOf('reader'), DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}`);
	await expect(page.getByRole('region', { name: 'Svarsfrekvens' }).getByRole('table').first()).toBeVisible();
	await page.context().clearCookies();
	await signIn(page, emailOf('staff ('), DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}`);
	await expect(page.getByRole('heading', { name: 'Självskattning', level: 2 })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Svarsfrekvens' })).toHaveCount(0);
});
