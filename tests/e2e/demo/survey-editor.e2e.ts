/**
 * Own questions and the other survey uses (issue 20 item 1, decision 067): the administrator starts an empty survey,
 * writes a single-choice and a scale question in the editor (a choice with one option is refused beside the field,
 * what was typed kept), moves one and sends it; the teacher sees the hint in the header, follows it and answers; the
 * closed survey's results come as XLSX too. A student survey for year 4 takes its questions from the progression plan.
 * Axe on each page.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const FU = `/${DEMO_SLUG}/uppfoljning`;
const people = planDemo().people.filter((p) => p.signIn);
const signInOf = (label: string) => people.find((p) => p.signIn!.startsWith(label))!;
const TEACHER_UNIT = signInOf('staff (').signIn!.match(/\((.+)\)$/)![1];
const RUN = Date.now().toString(36);

test.use({ actionTimeout: 15_000 });

async function as(browser: Browser, label: string): Promise<Page> {
	const page = await (await browser.newContext({ locale: 'sv-SE' })).newPage();
	await signIn(page, signInOf(label).email, DEMO_PASSWORD);
	return page;
}

test('an own survey is written in the editor, sent, answered from the header hint and exported as XLSX', async ({ browser }) => {
	test.setTimeout(150_000);
	const admin = await as(browser, 'org_admin');
	await admin.goto(`${FU}/enkater/ny`);
	await admin.getByLabel('Mall').selectOption({ label: 'Egna frågor (börjar tom)' });
	await admin.getByLabel('Rubrik på svenska').fill(`Fortbildningsdagen ${RUN}`);
	await admin.getByLabel('Rubrik på engelska').fill(`The training day ${RUN}`);
	await admin.getByRole('group', { name: 'Enheter' }).getByLabel(TEACHER_UNIT, { exact: true }).check();
	await admin.getByLabel('Påminnelser').fill('0');
	await admin.getByRole('button', { name: 'Skapa utkast' }).click();
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText(`Fortbildningsdagen ${RUN}`);
	await admin.getByRole('link', { name: 'Ändra frågorna' }).click();
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Frågor');
	await expect(admin.getByText('Enkäten har inga frågor än.')).toBeVisible();
	await expectAccessible(admin);

	await admin.getByLabel('Typ av fråga').selectOption({ label: 'flerval, ett svar' });
	await admin.getByLabel('Frågan på svenska').fill('Vilket pass var mest användbart?');
	await admin.getByLabel('Frågan på engelska').fill('Which session was most useful?');
	await admin.getByLabel('Svarsalternativ på svenska').fill('Förmiddagen');
	await admin.getByLabel('Svarsalternativ på engelska').fill('The morning');
	await admin.getByRole('button', { name: 'Lägg till frågan' }).click();
	await expect(admin.getByText('Ange mellan 2 och 12 svarsalternativ, ett per rad.').first()).toBeVisible();
	await expect(admin.getByLabel('Frågan på svenska')).toHaveValue('Vilket pass var mest användbart?');
	await expectAccessible(admin);
	await admin.getByLabel('Svarsalternativ på svenska').fill('Förmiddagen\nEftermiddagen');
	await admin.getByLabel('Svarsalternativ på engelska').fill('The morning\nThe afternoon');
	await admin.getByRole('button', { name: 'Lägg till frågan' }).click();
	await expect(admin.getByText('Frågan är tillagd.')).toBeVisible();
	const order = admin.locator('ol.questions > li > p strong');
	await expect(order).toHaveText(['Vilket pass var mest användbart?']);

	await admin.getByLabel('Typ av fråga').selectOption({ label: 'skala' });
	await admin.getByLabel('Frågan på svenska').fill('Hur nöjd är du med dagen?');
	await admin.getByLabel('Frågan på engelska').fill('How happy are you with the day?');
	await admin.getByLabel('Vad lägsta värdet betyder, på svenska').fill('Inte alls');
	await admin.getByLabel('Vad lägsta värdet betyder, på engelska').fill('Not at all');
	await admin.getByLabel('Vad högsta värdet betyder, på svenska').fill('Mycket');
	await admin.getByLabel('Vad högsta värdet betyder, på engelska').fill('Very');
	await admin.getByRole('button', { name: 'Lägg till frågan' }).click();
	await expect(order).toHaveCount(2);
	await admin.getByRole('button', { name: 'Flytta fråga 2 uppåt' }).click();
	await expect(order).toHaveText(['Hur nöjd är du med dagen?', 'Vilket pass var mest användbart?']);
	await expectAccessible(admin);

	await admin.getByRole('link', { name: /^Tillbaka till / }).click();
	await admin.getByRole('button', { name: 'Skicka enkäten' }).click();
	await expect(admin.getByText(/^Enkäten är skickad till \d+ personer\.$/)).toBeVisible();

	const teacher = await as(browser, 'staff (');
	await teacher.goto(`/${DEMO_SLUG}`);
	const hint = teacher.getByRole('link', { name: /^Enkäter som väntar på ditt svar: \d+$/ });
	await expect(hint).toBeVisible();
	const waiting = Number((await hint.getAttribute('aria-label'))!.match(/\d+$/)![0]);
	await expectAccessible(teacher);
	await hint.click();
	await teacher.getByRole('button', { name: `Svara på Fortbildningsdagen ${RUN}` }).click();
	await teacher.getByRole('group', { name: 'Hur nöjd är du med dagen?' }).getByLabel('4').check();
	await teacher.getByLabel('Eftermiddagen').check();
	await teacher.getByRole('button', { name: 'Skicka svaren' }).click();
	await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Tack för dina svar!');
	await teacher.goto(`/${DEMO_SLUG}`);
	if (waiting === 1) await expect(teacher.getByRole('link', { name: /^Enkäter som väntar/ })).toHaveCount(0);
	else await expect(teacher.getByRole('link', { name: `Enkäter som väntar på ditt svar: ${waiting - 1}` })).toBeVisible();

	await admin.getByRole('button', { name: 'Stäng enkäten' }).click();
	const xlsx = admin.getByRole('link', { name: 'Ladda ner resultatet (XLSX)' });
	await expect(xlsx).toBeVisible();
	const res = await admin.request.get((await xlsx.getAttribute('href'))!.replace(/^\.\//, `${admin.url().replace(/\/[^/]*$/, '')}/`));
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toContain('spreadsheetml');
	await expectAccessible(admin);
});

test('a student survey for one year group asks that year’s progression steps in plain words', async ({ browser }) => {
	const admin = await as(browser, 'org_admin');
	await admin.goto(`${FU}/enkater/ny`);
	await admin.getByLabel('Mall').selectOption({ label: 'Elevenkät om progressionsplanen (en årskurs)' });
	await admin.getByRole('group', { name: 'Enheter' }).getByLabel('Solbackaskolan', { exact: true }).check();
	await admin.getByRole('button', { name: 'Skapa utkast' }).click();
	await expect(admin.getByText('Välj en årskurs för elevenkäten.').first()).toBeVisible();
	await expectAccessible(admin);
	await admin.getByLabel('Årskurs (bara för elevenkäten)').selectOption({ label: 'Årskurs 4' });
	await admin.getByRole('button', { name: 'Skapa utkast' }).click();
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Elevenkät om digital kompetens (åk 4)');
	await expect(admin.getByText(/^Hur säker känner du dig på det här\? /).first()).toBeVisible();
	await expectAccessible(admin);
	// Sent to the school's students, and closed again (no draft is left for the other specs to trip on).
	await admin.getByRole('button', { name: 'Skicka enkäten' }).click();
	await expect(admin.getByText(/^Enkäten är skickad till \d+ personer\.$/)).toBeVisible();
	await admin.getByRole('button', { name: 'Stäng enkäten' }).click();
	await expect(admin.getByText('Enkäten är stängd. Resultatet visas nedan.')).toBeVisible();
});
