/**
 * The board report (issue 20, item 4): the demo's leadership is refused a period that ends before it starts beside the
 * field, writes an ask to the board and generates the report for the autumn term. The page, printed to PDF by
 * Chromium with no header or footer templates of its own, carries the period and a page number on every page from the
 * page's own @page CSS, and fits in 12 A4 pages.
 */
import { expect, test } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const LEADER = planDemo().people.find((p) => p.signIn === 'leadership')!;
const today = new Date().toISOString().slice(0, 10);
/** The demo's autumn term: this school year's (August to December). */
const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) >= 8 ? 0 : 1);
const HT = { from: `${year}-08-01`, to: `${year}-12-31`, label: `HT ${year}` };

test('leadership generates the board report for the autumn term and it prints to at most 12 numbered pages', async ({ page }) => {
	test.setTimeout(180_000);
	await signIn(page, LEADER.email, DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}/uppfoljning/namndrapport`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nämndrapport');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Ny nämndrapport' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny nämndrapport');

	await page.getByLabel('Från och med').fill(`${year}-12-31`);
	await page.getByLabel('Till och med').fill(`${year}-08-01`);
	await page.getByRole('button', { name: 'Generera nämndrapporten' }).click();
	await expect(page.locator('#to-error')).toContainText('Perioden slutar innan den börjar');
	await expect(page.getByLabel('Från och med')).toHaveValue(`${year}-12-31`);
	await expectAccessible(page);

	await page.getByLabel('Rubrik', { exact: true }).fill('Tid för it-pedagoger');
	await page.getByLabel('En mening om vad och varför').fill('Förvaltningen ber om en halv tjänst till för att hinna med skolorna.');
	await page.getByRole('button', { name: 'Lägg till begäran' }).click();
	const saved = page.getByRole('group', { name: /^Begäran \d+$/ }).last();
	await expect(saved.getByLabel('Rubrik')).toHaveValue('Tid för it-pedagoger');
	await expect(page.getByRole('group', { name: 'Ny begäran' }).getByLabel('Rubrik')).toHaveValue('');

	await page.getByLabel('Från och med').fill(HT.from);
	await page.getByLabel('Till och med').fill(HT.to);
	await page.getByRole('button', { name: 'Generera nämndrapporten' }).click();
	// Generating gathers every module's figures for the term: allow a busy machine time.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Nämndrapport ${HT.label}`, { timeout: 60_000 });
	await expect(page.getByRole('listitem').filter({ hasText: 'Tid för it-pedagoger' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Sammanfattning' })).toBeVisible();
	// Equity per 100 students with the spread in words, the surveys' own cells and comparison values (decision 068).
	const equity = page.getByRole('region', { name: 'Likvärdighet mellan enheterna' });
	await expect(equity.getByText(/^Över \d+ enheter: lägst/).first()).toBeVisible();
	await expect(equity.getByRole('columnheader', { name: 'Förlorade lektioner per 100 elever' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Enkäter om supporten' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Jämförelsevärden bredvid våra siffror' })).toBeVisible();
	await expectAccessible(page);

	const pdf = await page.pdf({ preferCSSPageSize: true, displayHeaderFooter: false });
	const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
	expect(totalPages).toBeGreaterThan(0);
	expect(totalPages).toBeLessThanOrEqual(12);
	for (const [i, pageText] of text.entries()) {
		expect(pageText, `page ${i + 1} names the period`).toContain(HT.label);
		expect(pageText, `page ${i + 1} is numbered`).toContain(`Sida ${i + 1} / ${totalPages}`);
	}
});
