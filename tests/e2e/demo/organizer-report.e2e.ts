/**
 * Reports leaders can use on realistic data (issue 14 items 5 and 6, decision 028): on the demo's last closed
 * round the organizer report's default view has a value in most unit × sub-goal cells, every hidden cell says
 * why, and the equity table shows a spread for every sub-goal; a principal of a rektorsområde, refused the
 * organizer report, opens the roll-up of their own area and exports it.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { planDemo } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';
import { closedDemoRounds } from './demo-rounds';

const people = planDemo().people;
const LEADER = people.find((p) => p.signIn === 'leadership')!;
const PRINCIPAL = people.find((p) => p.signIn?.startsWith('principal ('))!;
const AREA = PRINCIPAL.signIn!.slice('principal ('.length, -1);

test('the default view has values in most cells, hidden cells say why, and equity shows a spread for every sub-goal', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, LEADER.email, DEMO_PASSWORD);
	const [latest] = await closedDemoRounds(page);
	await page.goto(`${latest}/rapport`);

	const table = page.getByRole('table', { name: 'Medelnivå per enhet och delmål, alla perspektiv tillsammans' });
	const cells = await table.locator('tbody td').allInnerTexts();
	expect(cells.length).toBeGreaterThan(50);
	const withValue = cells.filter((t) => /^\d,\d/.test(t.trim()));
	expect(withValue.length / cells.length).toBeGreaterThan(0.75);
	// Where the answers are too few, the unit's agreed level stands in, marked as such.
	expect(cells.some((t) => t.includes('(beslutad)'))).toBe(true);

	const equity = page.getByRole('region', { name: 'Likvärdighet mellan enheterna' });
	const rows = equity.getByRole('table').locator('tbody tr');
	expect(await rows.count()).toBeGreaterThan(5);
	await expect(equity).not.toContainText('för få för att mäta spridning');
	for (const row of await rows.all()) await expect(row.locator('td').nth(4)).toHaveText(/^\d,\d$/);

	// An agreed level standing in for hidden answers says why the answers are hidden.
	await expect(table.locator('td[title]').first()).toHaveAttribute(
		'title',
		/Färre än 5 svar|Dolt så att ett annat dolt värde inte kan räknas ut/
	);
	await expect(page.getByRole('region', { name: 'Därför är vissa värden dolda' })).toContainText('Färre än 5 svar');
	await expectAccessible(page);

	await page.getByRole('button', { name: 'In English' }).click();
	await expect(page.getByRole('table', { name: 'Mean level per unit and sub-goal, all perspectives together' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Why some values are hidden' })).toContainText('Fewer than 5 answers');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'På svenska' }).click();
});

test("a principal of a rektorsområde opens and exports the roll-up of their area, not the organizer's report", async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, LEADER.email, DEMO_PASSWORD);
	const [latest] = await closedDemoRounds(page);
	await page.context().clearCookies();
	await signIn(page, PRINCIPAL.email, DEMO_PASSWORD);

	expect((await page.goto(`${latest}/rapport`))!.status()).toBe(403);
	await page.goto(latest);
	await page.getByRole('link', { name: `Rapport för ${AREA}` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(`Rapport för ${AREA}`);
	const table = page.getByRole('table', { name: 'Medelnivå per enhet och delmål, alla perspektiv tillsammans' });
	const units = (await table.locator('tbody th').allInnerTexts()).map((t) => t.trim());
	expect(units.length).toBeGreaterThan(0);
	expect(units.length).toBeLessThan(10);
	await expectAccessible(page);

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Ladda ner alla siffror som CSV' }).click();
	const csv = readFileSync((await (await download).path())!, 'utf8');
	for (const unit of units) expect(csv).toContain(unit);
	// Only the area's units: every unit named in the figures (Avsnitt;Delmål;Delmålets namn;Enhet;…) is one of the
	// table's, or the organizer total.
	const named = new Set(
		csv
			.split(/\r?\n/)
			.filter((line) => line.startsWith('Siffror;'))
			.map((line) => line.split(';')[3].replace(/^"|"$/g, ''))
	);
	expect([...named].sort()).toEqual([...units, 'Alla enheter'].sort());
});
