/**
 * Digital tools (issue 18, first part): central support adds a tool that handles personal data, cannot approve it
 * without an agreement (refused beside the field), records an agreement (one that ends before it starts is refused
 * with the input kept) and, without JavaScript, approves it for years 4–9 with a condition; a teacher then finds it
 * on the whitelist with the condition, searching without å/ä/ö, and the page reads in English.
 */
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const people = planDemo().people;
const CENTRAL = people.find((p) => p.signIn === 'central_technical_support')!;
const TEACHER = people.find((p) => p.signIn?.startsWith('staff'))!;
const RUN = Date.now().toString(36);
const TOOL = `Klassrumsquiz ${RUN}`;

test('central support adds a tool, records its agreement and approves it with a condition; a teacher finds it', async ({
	page,
	browser
}) => {
	test.setTimeout(150_000);
	await signIn(page, CENTRAL.email, DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}`);
	await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Digitala verktyg' }).click();
	await page.getByRole('link', { name: 'Till registret över alla verktyg' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Register över digitala verktyg');
	await page.getByRole('link', { name: /^Saknar giltigt avtal/ }).click();
	await expect(
		page
			.getByRole('table', { name: /^Verktyg i registret/ })
			.getByRole('row')
			.nth(1)
	).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Lägg till verktyg' }).click();
	await page.getByLabel('Namn', { exact: true }).fill(TOOL);
	await page.getByLabel('Webbadress').fill('inte en adress');
	await page.getByRole('button', { name: 'Lägg till i registret' }).click();
	await expect(page.getByRole('alert')).toContainText('Skriv en hel webbadress som börjar med https://');
	await expect(page.getByLabel('Namn', { exact: true })).toHaveValue(TOOL);
	await expectAccessible(page);
	await page.getByLabel('Webbadress').fill('https://quiz.exempel.se');
	await page.getByLabel('Leverantör').fill('Frågeverket AB');
	await page.getByRole('checkbox', { name: 'Grundskola' }).check();
	await page.getByRole('button', { name: 'Lägg till i registret' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TOOL);
	await expect(page.getByRole('status')).toContainText('Verktyget finns nu i registret');

	// No agreement yet: approval is refused beside the decision.
	await page.getByLabel('Beslut', { exact: true }).selectOption({ label: 'Godkänt' });
	await page.getByLabel('Från årskurs', { exact: true }).fill('4');
	await page.getByLabel('Till och med årskurs', { exact: true }).fill('9');
	await page.getByRole('button', { name: 'Spara beslutet' }).click();
	await expect(page.getByRole('alert')).toContainText('har inget giltigt personuppgiftsbiträdesavtal');
	await expectAccessible(page);

	await page.getByLabel('Undertecknat av').fill('Förvaltningschefen');
	await page.getByLabel('Gäller från').fill('2026-08-01');
	await page.getByLabel('Gäller till', { exact: true }).fill('2026-07-01');
	await page.getByRole('button', { name: 'Registrera avtalet' }).click();
	await expect(page.getByRole('alert')).toContainText('Avtalet kan inte sluta innan det börjar');
	await expect(page.getByLabel('Undertecknat av')).toHaveValue('Förvaltningschefen');
	await page.getByLabel('Gäller till', { exact: true }).fill('2029-07-31');
	await page.getByRole('button', { name: 'Registrera avtalet' }).click();
	await expect(page.getByRole('status')).toHaveText('Avtalet är registrerat.');
	await expect(page.getByRole('table', { name: `Avtal för ${TOOL}` })).toContainText('Förvaltningschefen');

	// The decision, without JavaScript.
	const plain = await browser.newContext({ javaScriptEnabled: false, locale: 'sv-SE' });
	const noJs = await plain.newPage();
	await signIn(noJs, CENTRAL.email, DEMO_PASSWORD);
	await noJs.goto(page.url().split('?')[0]);
	await noJs.getByLabel('Beslut', { exact: true }).selectOption({ label: 'Godkänt med villkor' });
	await noJs.getByLabel('Från årskurs', { exact: true }).fill('4');
	await noJs.getByLabel('Till och med årskurs', { exact: true }).fill('9');
	await noJs.getByRole('button', { name: 'Spara beslutet' }).click();
	await expect(noJs.getByRole('alert')).toContainText('Skriv vilka villkor som gäller');
	await noJs.getByLabel('Villkor').fill('Eleverna deltar med smeknamn, aldrig med sitt namn.');
	await noJs.getByRole('button', { name: 'Spara beslutet' }).click();
	await expect(noJs.getByRole('status')).toHaveText('Beslutet är sparat och syns nu för personalen.');
	await plain.close();

	// A teacher asks "may I use it?", typed without å/ä/ö.
	const teacherContext = await browser.newContext({ locale: 'sv-SE' });
	const teacher = await teacherContext.newPage();
	await signIn(teacher, TEACHER.email, DEMO_PASSWORD);
	await teacher.goto(`/${DEMO_SLUG}/appar`);
	await expect(teacher.getByRole('link', { name: 'Till registret över alla verktyg' })).toHaveCount(0);
	await teacher.getByLabel('Sök verktyg').fill(`klassrumsquiz ${RUN}`);
	await teacher.getByRole('button', { name: 'Sök' }).click();
	const entry = teacher.getByRole('listitem').filter({ has: teacher.getByRole('heading', { name: TOOL }) });
	await expect(entry).toContainText('Godkänt med villkor');
	await expect(entry).toContainText('Grundskola, åk 4–9');
	await expect(entry).toContainText('Eleverna deltar med smeknamn');
	// The second question by its address (the form was used above): once in CI the second typed search showed no
	// Skrivstöd Plus (not reproduced here; a race between typing and the first search's re-render is suspected).
	await teacher.goto(`/${DEMO_SLUG}/appar?q=skrivstod`);
	await expect(teacher.getByLabel('Sök verktyg')).toHaveValue('skrivstod');
	await expect(teacher.getByRole('heading', { name: 'Skrivstöd Plus' })).toBeVisible();
	await expectAccessible(teacher);
	// A teacher does not reach the register.
	expect((await teacher.goto(`/${DEMO_SLUG}/appar/register`))?.status()).toBe(403);

	await teacher.goto(`/${DEMO_SLUG}/appar`);
	await teacher.getByRole('button', { name: 'In English' }).click();
	await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('May I use this tool?');
	await teacherContext.close();
});

test('licences: a school using 12 of its 200 is flagged before renewal; a usage file is checked line by line', async ({ page }) => {
	test.setTimeout(90_000);
	await signIn(page, CENTRAL.email, DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}/appar/register`);
	await page.getByRole('link', { name: 'Licenser och användning' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Licenser och användning');
	const table = page.getByRole('table', { name: 'Licenser, det som löper ut först överst' });
	const solbacka = table.getByRole('row').filter({ hasText: 'Solbackaskolan' }).filter({ hasText: 'Matteresan' });
	await expect(solbacka).toContainText('12 av 200 (6 %)');
	await expect(solbacka).toContainText('Lite använd – se över antalet före förnyelsen');
	await expectAccessible(page);

	const today = new Date().toISOString().slice(0, 10);
	const upload = (text: string) =>
		page
			.getByLabel('Fil med användning')
			.setInputFiles({ name: 'anvandning.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf-8') });
	await upload('verktyg;skolenhet;tilldelade;använda\nMatteresan;Ängsskolan;115;110\nFinns inte;Ängsskolan;1;1\n');
	await page.getByLabel('Perioden börjar').fill(today);
	await page.getByLabel('Perioden slutar').fill(today);
	await page.getByRole('button', { name: 'Läs in' }).click();
	await expect(page.getByRole('alert')).toContainText('Filen lästes inte in');
	await expect(page.getByRole('region', { name: 'Det här behöver rättas i filen' })).toContainText(
		'Rad 3: verktyget ”Finns inte” finns inte i registret.'
	);
	await expect(page.getByLabel('Perioden börjar')).toHaveValue(today);
	await expectAccessible(page);

	await upload('verktyg;skolenhet;tilldelade;använda\nMatteresan;Ängsskolan;115;110\n');
	await page.getByRole('button', { name: 'Läs in' }).click();
	await expect(page.getByRole('status')).toHaveText('Användningen är inläst. Inlästa rader: 1.');
	await expect(table.getByRole('row').filter({ hasText: 'Ängsskolan' })).toContainText('110 av 120');
});
