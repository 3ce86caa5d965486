/**
 * Requests for new tools (issue 18 item 4, decision 047): a teacher asks for a new app through the whitelist's request
 * form, which files a support case with a due date 5 working days ahead; the central pedagogical support opens the
 * review from the case, ticks the checklist without JavaScript, records the agreement and approves the app for years
 * 4–9 with a condition; the case is solved with the decision as its answer, and the teacher finds the app on the
 * whitelist with the condition.
 */
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const people = planDemo().people;
const CENTRAL = people.find((p) => p.signIn === 'central_pedagogical_support')!;
const TEACHER = people.find((p) => p.signIn?.startsWith('staff'))!;
const RUN = Date.now().toString(36);
const TOOL = `Ordjakten ${RUN}`;
const CONDITION = 'Bara med skolans inloggning. Eleverna skriver inga namn i appen.';
const CHECKS = ['Personuppgiftsbiträdesavtal', 'Informationsklassning', 'Tillgänglighet', 'Samverkan med andra system', 'Kostnad'];

test('a teacher requests an app through a case; the 2nd line reviews and approves it with a condition; the teacher finds it', async ({
	page,
	browser
}) => {
	test.setTimeout(240_000);
	// The teacher asks from the whitelist.
	await signIn(page, TEACHER.email, DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}/appar`);
	await page.getByRole('link', { name: 'Skicka en begäran som supportärende' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Begär ett nytt digitalt verktyg');
	await page.getByLabel('Verktygets namn').fill(TOOL);
	await page.getByRole('button', { name: 'Skicka begäran' }).click();
	await expect(page.getByRole('alert')).toContainText('Skriv vad du vill använda verktyget till.');
	await expect(page.getByLabel('Verktygets namn')).toHaveValue(TOOL);
	await expectAccessible(page);
	await page.getByLabel('Leverantör').fill('Ordlekar AB');
	await page.getByLabel('Webbadress').fill('https://ordjakten.exempel.se');
	await page.getByLabel('Vad vill du använda det till?').fill('Ordförrådsträning i svenska, i par under lektionen.');
	await page.getByRole('checkbox', { name: 'Grundskola' }).check();
	await page.getByLabel('Från årskurs', { exact: true }).fill('4');
	await page.getByLabel('Till och med årskurs', { exact: true }).fill('9');
	await page.getByLabel('Vilka personuppgifter om vem?').fill('Elevernas namn och klass via skolans inloggning.');
	await page.getByRole('button', { name: 'Skicka begäran' }).click();
	await expect(page.getByRole('status')).toContainText('Ditt ärende har fått nummer');
	const number = page.url().match(/\/support\/(\d+)/)![1];
	await expect(page.getByRole('heading', { level: 1 })).toContainText(`Begäran om digitalt verktyg: ${TOOL}`);
	const box = page.getByRole('region', { name: `Begäran om digitalt verktyg: ${TOOL}` });
	await expect(box).toContainText('Beslut senast');
	await expect(box.getByRole('link', { name: 'Granska och besluta' })).toHaveCount(0);
	await expectAccessible(page);

	// The 2nd line ticks the checklist without JavaScript, from the case.
	const plain = await browser.newContext({ javaScriptEnabled: false, locale: 'sv-SE' });
	const noJs = await plain.newPage();
	await signIn(noJs, CENTRAL.email, DEMO_PASSWORD);
	await noJs.goto(`/${DEMO_SLUG}/support/${number}`);
	await noJs.getByRole('link', { name: 'Granska och besluta' }).click();
	await expect(noJs.getByRole('heading', { level: 1 })).toHaveText(`Granskning av ${TOOL}`);
	for (const item of CHECKS) {
		const lower = item.toLocaleLowerCase('sv');
		await noJs.getByRole('checkbox', { name: `${item} är granskat` }).check();
		await noJs.getByLabel(`Anteckning om ${lower}`).fill(`Klart: ${lower}.`);
		await noJs.getByRole('button', { name: `Spara ${lower}` }).click();
		await expect(noJs.getByRole('status')).toHaveText('Granskningen är sparad.');
	}
	await expect(noJs.getByText('Inte granskat ännu.')).toHaveCount(0);
	await plain.close();

	// The agreement goes on the tool's page; the decision is taken on the request.
	const central = await (await browser.newContext({ locale: 'sv-SE' })).newPage();
	await signIn(central, CENTRAL.email, DEMO_PASSWORD);
	await central.goto(`/${DEMO_SLUG}/appar/begaranden`);
	await expect(central.getByRole('heading', { name: 'Handläggningstid' })).toBeVisible();
	await expectAccessible(central);
	await central.getByRole('link', { name: TOOL }).click();
	await expect(central.getByRole('heading', { level: 1 })).toHaveText(`Granskning av ${TOOL}`);
	const review = central.url();
	await central.getByRole('link', { name: `Öppna ${TOOL} i registret` }).click();
	await central.getByLabel('Undertecknat av').fill('Förvaltningschefen');
	await central.getByLabel('Gäller från').fill('2026-01-01');
	await central.getByRole('button', { name: 'Registrera avtalet' }).click();
	await expect(central.getByRole('status')).toHaveText('Avtalet är registrerat.');
	await central.goto(review);
	await expect(central.getByRole('heading', { level: 1 })).toHaveText(`Granskning av ${TOOL}`);
	// A comment on the review is written beside the request too: an empty one is refused beside the field.
	await central.getByRole('button', { name: 'Lämna synpunkten' }).click();
	await expect(central.getByRole('alert')).toBeVisible();
	await central.getByLabel('Din synpunkt').fill('Lagringen i EU är bekräftad av leverantören.');
	await central.getByRole('button', { name: 'Lämna synpunkten' }).click();
	await expect(central.getByRole('status')).toHaveText('Synpunkten är sparad.');
	await expect(central.getByRole('region', { name: 'Synpunkter på granskningen' })).toContainText('Lagringen i EU är bekräftad');
	await expectAccessible(central);
	await central.getByLabel('Beslut', { exact: true }).selectOption({ label: 'Godkänt med villkor' });
	await expect(central.getByLabel('Från årskurs', { exact: true })).toHaveValue('4');
	await expect(central.getByLabel('Till och med årskurs', { exact: true })).toHaveValue('9');
	await central.getByLabel('Villkor').fill(CONDITION);
	await central.getByRole('button', { name: 'Spara beslut och svara i ärendet' }).click();
	await expect(central.getByRole('status')).toHaveText('Beslutet är sparat. Ärendet har fått svar och är löst.');
	await expect(central.getByText('Beslutad i tid')).toBeVisible();
	await expectAccessible(central);

	// The teacher hears it through the case, and finds the app on the whitelist with its condition.
	await page.goto(`/${DEMO_SLUG}/support/${number}`);
	await expect(page.getByText('Löst', { exact: true }).first()).toBeVisible();
	await expect(page.getByText(`Beslut om ${TOOL}: godkänt med villkor.`)).toBeVisible();
	await page.goto(`/${DEMO_SLUG}/appar`);
	await page.getByLabel('Sök verktyg').fill(TOOL);
	await page.getByRole('button', { name: 'Sök' }).click();
	const entry = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: TOOL }) });
	await expect(entry).toContainText('Godkänt med villkor');
	await expect(entry).toContainText('Grundskola, åk 4–9');
	await expect(entry).toContainText(CONDITION);
	await expectAccessible(page);
});
