/**
 * Courses (issue 19 items 3–4, decision 058): the demo teacher reflects with low answers (1 of 4), sees
 * courses recommended with the reason, signs up to one, goes through its parts, completes it, answers the one question
 * afterwards (once) and opens the certificate. axe on every page.
 */
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const TEACHER = planDemo().people.find((p) => p.signIn?.startsWith('staff ('))!;
/** A short course of the demo catalog without a quiz, tagged with the reflection area "resources" (build-demo-courses.ts). */
const COURSE = 'Digitala läromedel som lyfter';

test('a teacher is recommended a course with the reason, signs up, completes it and gives feedback once', async ({ browser }) => {
	test.setTimeout(300_000);
	const context = await browser.newContext({ locale: 'sv-SE' });
	const page = await context.newPage();
	await signIn(page, TEACHER.email, DEMO_PASSWORD);

	// A reflection with low answers in every area makes the catalog suggest courses for the weakest areas.
	await page.goto(`/${DEMO_SLUG}/kompetens/reflektion`);
	const items = page.locator('form fieldset');
	await expect(items).toHaveCount(18);
	for (let i = 0; i < 18; i++) await items.nth(i).getByLabel('1', { exact: true }).check();
	await page.getByRole('button', { name: 'Spara min reflektion' }).click();
	await expect(page.getByRole('status')).toContainText('Din reflektion är sparad.');

	await page.goto(`/${DEMO_SLUG}/kompetens`);
	await page.getByRole('link', { name: 'Kurser och tillfällen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kurser och tillfällen');
	const suggested = page.getByRole('region', { name: 'Föreslaget för dig' });
	const item = suggested.getByRole('listitem').filter({ has: page.getByRole('link', { name: COURSE, exact: true }) });
	await expect(item).toContainText(/eftersom din reflektion ger nivå [1-3] i/);
	// At least two courses are suggested, each with its reason.
	expect(await suggested.getByRole('link').count()).toBeGreaterThanOrEqual(2);
	await expect(page.getByRole('heading', { name: 'Handledning och drop-in' })).toBeVisible();
	await expectAccessible(page);

	await item.getByRole('link', { name: COURSE, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(COURSE);
	await page.getByRole('button', { name: 'Anmäl mig' }).click();
	await expect(page.getByRole('status')).toHaveText('Du är anmäld.');
	// Completing before the parts are done is refused with a message.
	await page.getByRole('button', { name: 'Markera kursen som genomförd' }).click();
	await expect(page.getByRole('alert', { name: 'Något behöver rättas' })).toContainText('Gå igenom alla delar först.');
	await expectAccessible(page);
	const parts = page.getByRole('button', { name: /^Del \d+ klar$/ });
	const count = await parts.count();
	expect(count).toBeGreaterThan(0);
	for (let i = 0; i < count; i++)
		await page
			.getByRole('button', { name: /^Del \d+ klar$/ })
			.first()
			.click();
	await page.getByRole('button', { name: 'Markera kursen som genomförd' }).click();
	await expect(page.getByRole('status')).toContainText('kursen är genomförd');

	// The one question afterwards: a value is needed, the comment is kept; then it is answered once.
	await page.getByLabel('Kommentar (valfritt)').fill('Bra upplägg.');
	await page.getByRole('button', { name: 'Skicka svaret' }).click();
	await expect(page.locator('#score-error')).toContainText('Välj ett värde från 1 till 5.');
	await expect(page.getByLabel('Kommentar (valfritt)')).toHaveValue('Bra upplägg.');
	await page.getByLabel('Hur användbar var kursen i ditt arbete?').selectOption('4');
	await page.getByRole('button', { name: 'Skicka svaret' }).click();
	await expect(page.getByRole('status')).toHaveText('Tack för ditt svar.');
	await expect(page.getByRole('button', { name: 'Skicka svaret' })).toHaveCount(0);

	await page.getByRole('link', { name: 'Intyg' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Intyg');
	await expect(page.getByText(TEACHER.name, { exact: true })).toBeVisible();
	await expectAccessible(page);
	// The same certificate as a PDF to download.
	const pdfHref = await page.getByRole('link', { name: 'Ladda ned intyget som PDF' }).getAttribute('href');
	const pdf = await page.request.get(pdfHref!);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

	await page.goto(`/${DEMO_SLUG}/kompetens/kurser/mina`);
	await expect(page.getByRole('row', { name: new RegExp(COURSE) })).toContainText('Genomförd');
	await expectAccessible(page);
	await context.close();
});
