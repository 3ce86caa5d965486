/**
 * The organizer report on the demo server (Exempelkommun with demo rounds): heatmap with its table,
 * equity, anonymity rule, drill-down to a sub-goal, exports, axe on every page, and a flow without JavaScript.
 * Skips (with a reason) until the demo has assessment rounds.
 */
import { expect, test, type Page } from '@playwright/test';
import { planDemo } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const ORG = 'exempelkommun';
const admin = planDemo().people.find((p) => p.signIn === 'org_admin')!;

/** The newest round the rounds page links to, or null when the demo has none. */
async function findRoundId(page: Page): Promise<string | null> {
	const response = await page.goto(`/${ORG}/skattning`);
	if (!response || response.status() !== 200) return null;
	const hrefs = await page.locator(`a[href^="/${ORG}/skattning/"]`).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
	const ids = hrefs.map((h) => /\/skattning\/([0-9a-f-]{36})/.exec(h)?.[1]).filter(Boolean) as string[];
	return ids[0] ?? null;
}

test('an administrator reads the organizer report, drills down and downloads every figure', async ({ page }) => {
	await signIn(page, admin.email!, DEMO_PASSWORD);
	const roundId = await findRoundId(page);
	expect(roundId, 'the demo has assessment rounds').toBeTruthy();
	await page.goto(`/${ORG}/skattning/${roundId}/rapport`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Rapport för huvudmannen');
	await expect(page.getByRole('img', { name: /Värmekarta/ })).toBeVisible();
	await expect(page.getByRole('table', { name: 'Medelnivå per enhet och delmål' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Likvärdighet mellan enheterna' })).toBeVisible();
	await expect(page.getByText(/visas bara om minst \d+ personer/).first()).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Visa enheternas beslutade nivåer i stället' }).click();
	await expect(page.getByText('Visar medelvärdet av enhetens gemensamt beslutade nivåer.')).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('table', { name: 'Medelnivå per enhet och delmål' }).getByRole('columnheader').getByRole('link').first().click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Delmål');
	await expectAccessible(page);

	const csv = await page.request.get(`/${ORG}/skattning/${roundId}/rapport/export.csv`);
	expect(csv.status()).toBe(200);
	const bytes = await csv.body();
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	expect(bytes.toString('utf8')).toContain('Avsnitt;Delmål;Delmålets namn;Enhet;Perspektiv;Visas;Medelnivå (1–4)');
	const xlsx = await page.request.get(`/${ORG}/skattning/${roundId}/rapport/export.xlsx`);
	expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
	expect((await page.request.get(`/${ORG}/skattning/${roundId}/rapport/delmal/99.9`)).status()).toBe(404);
	expect((await page.request.get(`/${ORG}/skattning/00000000-0000-0000-0000-000000000000/rapport`)).status()).toBe(404);
});

test('the report and its drill-down work without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, admin.email!, DEMO_PASSWORD);
	const roundId = await findRoundId(page);
	expect(roundId, 'the demo has assessment rounds').toBeTruthy();
	await page.goto(`/${ORG}/skattning/${roundId}/rapport`);
	await page.getByRole('link', { name: 'Visa enheternas beslutade nivåer i stället' }).click();
	await expect(page).toHaveURL(/basis=consensus/);
	await page.getByRole('link', { name: /^0 / }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Delmål 0');
	// axe needs scripts to run; these pages are checked with JavaScript in the test above.
	await context.close();
});
