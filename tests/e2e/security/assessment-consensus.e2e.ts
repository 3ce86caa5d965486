/**
 * Consensus, unit report and "Ni sa – vi gör" on the demo server, in a closed demo round:
 * the principal of Rektorsområde Norr agrees levels, reads the report and writes a conclusion;
 * the same works without JavaScript; a teacher who did not answer is refused the results.
 * Writes only consensus and conclusions, which no other demo test reads.
 */
import { expect, test, type Page } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const people = planDemo().people;
const PRINCIPAL = people.find((p) => p.signIn === 'principal (Rektorsområde Norr)')!;
const TEACHER = people.find((p) => p.signIn?.startsWith('staff ('))!;

/** The newest closed round on the round list, and a unit of the principal in it (from the results page's unit list). */
async function closedRoundAndUnit(page: Page) {
	await page.goto(`/${DEMO_SLUG}/skattning`);
	const row = page.getByRole('row').filter({ hasText: 'Stängd' }).first();
	const href = await row.getByRole('link').first().getAttribute('href');
	const roundPath = href!.replace(/\/$/, '');
	await page.goto(`${roundPath}/resultat`);
	const report = await page.getByRole('link', { name: 'Visa enhetens rapport' }).getAttribute('href');
	return { roundPath, unitId: report!.split('/enhet/')[1] };
}

test('the principal agrees a level, sees it in the unit report and writes a conclusion for those who answered', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, PRINCIPAL.email, DEMO_PASSWORD);
	const { roundPath, unitId } = await closedRoundAndUnit(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Ni sa – vi gör' })).toBeVisible();
	await expectAccessible(page);

	const unitPath = `${roundPath}/enhet/${unitId}`;
	await page.goto(`${unitPath}/samsyn`);
	await expect(page.getByRole('heading', { level: 1, name: /^Samsyn: / })).toBeVisible();
	await expect(page.getByText(/minst en fjärdedel av ett perspektivs svar/)).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: /^1\.1 / }).click();
	await expect(page.getByRole('heading', { level: 1, name: /^1\.1 / })).toBeVisible();
	await expectAccessible(page);
	const first = page.locator('section.item').first();
	const statement = (await first.getByRole('heading', { level: 2 }).textContent())!.replace(/^\d+\.\s*/, '').trim();
	await first.locator('input[type=radio][value="2"]').check();
	await first.getByLabel('Belägg').fill('Lärarenkät och elevernas arbeten i åk 8');
	await page.getByRole('button', { name: 'Spara enhetens nivåer' }).click();
	await expect(page.getByRole('status')).toHaveText('Enhetens nivåer är sparade.');
	await expect(page.locator('section.item').first().locator('input[type=radio][value="2"]')).toBeChecked();
	await expectAccessible(page);

	// A tampered item key is refused with a message, and nothing else on the page is lost.
	await page
		.locator('section.item')
		.first()
		.locator('input[name=item]')
		.evaluate((el: HTMLInputElement) => (el.value = 'ns.9-9.finns-inte'));
	await page.getByRole('button', { name: 'Spara enhetens nivåer' }).click();
	await expect(page.getByRole('alert')).toContainText('hör inte till omgången');
	await expectAccessible(page);

	await page.goto(unitPath);
	await expect(page.getByRole('heading', { level: 1, name: /^Enhetsrapport: / })).toBeVisible();
	await expect(page.getByRole('img', { name: /Överenskommen nivå och perspektivens medelvärden/ })).toBeVisible();
	const row = page.getByRole('row').filter({ hasText: statement });
	await expect(row.getByRole('cell').first()).toHaveText('Nivå 2');
	await expectAccessible(page);

	await page.goto(`${roundPath}/resultat?enhet=${unitId}`);
	await page.getByRole('button', { name: 'Spara slutsatsen' }).first().click();
	await expect(page.getByRole('alert')).toContainText('Skriv vad ni kom fram till');
	await expectAccessible(page);
	await page.getByLabel('Vad enheten kom fram till och vad ni gör nu').fill('Vi följer upp programmeringen med ämneslagen under våren.');
	await page.getByRole('button', { name: 'Spara slutsatsen' }).first().click();
	await expect(page.getByRole('status')).toHaveText('Slutsatsen är sparad.');
	await expect(page.getByText('Vi följer upp programmeringen med ämneslagen under våren.')).toBeVisible();
	await expectAccessible(page);
});

test('agreeing a level works without JavaScript', async ({ browser }) => {
	test.setTimeout(90_000);
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, PRINCIPAL.email, DEMO_PASSWORD);
	const { roundPath, unitId } = await closedRoundAndUnit(page);
	await page.goto(`${roundPath}/enhet/${unitId}/samsyn/2.1`);
	const first = page.locator('section.item').first();
	await first.locator('input[type=radio][value="not_applicable"]').check();
	await first.getByLabel('Anteckning').fill('Gäller inte vår enhet i år');
	await page.getByRole('button', { name: 'Spara enhetens nivåer' }).click();
	await expect(page.getByRole('status')).toHaveText('Enhetens nivåer är sparade.');
	await expect(page.locator('section.item').first().getByLabel('Anteckning')).toHaveValue('Gäller inte vår enhet i år');
	// axe needs JavaScript in the page; the same pages are checked with it in the test above.
	await context.close();
});

test('a teacher who did not answer and has no team role cannot see the results or the consensus', async ({ browser }) => {
	const context = await browser.newContext();
	const principalPage = await context.newPage();
	await signIn(principalPage, PRINCIPAL.email, DEMO_PASSWORD);
	const { roundPath, unitId } = await closedRoundAndUnit(principalPage);
	await context.close();

	const other = await browser.newContext();
	const page = await other.newPage();
	await signIn(page, TEACHER.email, DEMO_PASSWORD);
	expect((await page.goto(`${roundPath}/resultat`))!.status()).toBe(403);
	expect((await page.goto(`${roundPath}/enhet/${unitId}/samsyn`))!.status()).toBeGreaterThanOrEqual(403);
	await other.close();
});
