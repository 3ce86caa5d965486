/**
 * Competence (issue 19, first slice): Solbackaskolan's teacher marks a step for class 4B without JavaScript (first
 * refused a step of another year, beside the field, with the choice kept), the principal of Rektorsområde Norr sees
 * Solbackaskolan's coverage for year 4 with the step no class touched, and the teacher completes a reflection and
 * sees a level and a suggestion per area. axe on every page.
 */
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const people = planDemo().people;
const TEACHER = people.find((p) => p.signIn?.startsWith('staff ('))!;
const PRINCIPAL = people.find((p) => p.signIn?.startsWith('principal ('))!;
const CLASS = 'Solbackaskolan: 4B (Årskurs 4)';
const STEP = 'Årskurs 4 · Digitala verktyg och medier: Jag kan söka information med flera sökord och välja bland träffarna.';
const OTHER_YEAR =
	'Årskurs 5 · Digitala verktyg och medier: Jag kan göra en presentation med bilder och egen text och visa den för klassen.';
const UNTOUCHED = 'Jag kan använda villkor i ett program, till exempel om–så.';
const NOTE = `Sökövning i par (${Date.now().toString(36)})`;

test('a teacher marks a step for 4B, the principal sees the untouched step, and the teacher reflects', async ({ page, browser }) => {
	test.setTimeout(120_000);
	await signIn(page, TEACHER.email, DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}`);
	await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Kompetens' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Progressionsplan för digital kompetens');
	await expect(page.getByRole('heading', { name: 'Årskurs 4', level: 2 })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Markera steg för en klass' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Markera steg');
	await expectAccessible(page);

	// Without JavaScript: a step of year 5 for class 4B is refused beside the step, and what was chosen stays.
	const plain = await browser.newContext({ javaScriptEnabled: false, locale: 'sv-SE' });
	const noJs = await plain.newPage();
	await signIn(noJs, TEACHER.email, DEMO_PASSWORD);
	await noJs.goto(`/${DEMO_SLUG}/kompetens/markera`);
	await noJs.getByLabel('Klass', { exact: true }).selectOption({ label: CLASS });
	await noJs.getByLabel('Steg', { exact: true }).selectOption({ label: OTHER_YEAR });
	await noJs.getByLabel('Vad ni gjorde, eller ett exempel (valfritt)').fill(NOTE);
	await noJs.getByRole('button', { name: 'Markera', exact: true }).click();
	await expect(noJs.locator('#stepId-error')).toContainText('Steget hör till en annan årskurs än klassen');
	await expect(noJs.getByLabel('Vad ni gjorde, eller ett exempel (valfritt)')).toHaveValue(NOTE);
	await expect(noJs.getByLabel('Klass', { exact: true }).locator('option:checked')).toHaveText(CLASS);
	await noJs.getByLabel('Steg', { exact: true }).selectOption({ label: STEP });
	await noJs.getByRole('button', { name: 'Markera', exact: true }).click();
	await expect(noJs.getByRole('status')).toHaveText('Markeringen är sparad.');
	await expect(noJs.getByRole('row', { name: new RegExp(NOTE.replace(/[()]/g, '\\$&')) })).toContainText('4B');
	await plain.close();

	// The principal of the area sees Solbackaskolan's year 4 with the step no class has touched this year.
	const principal = await (await browser.newContext({ locale: 'sv-SE' })).newPage();
	await signIn(principal, PRINCIPAL.email, DEMO_PASSWORD);
	await principal.goto(`/${DEMO_SLUG}/kompetens/tackning`);
	await principal.getByLabel('Enhet', { exact: true }).selectOption({ label: 'Solbackaskolan' });
	await principal.getByRole('button', { name: 'Visa' }).click();
	const year4 = principal.getByRole('table', { name: 'Årskurs 4: steg per aspekt' });
	await expect(year4.getByRole('row', { name: /Lösa problem och skapa/ })).toContainText(UNTOUCHED);
	await expect(year4.getByRole('row', { name: /Digitala verktyg och medier/ })).toContainText('1 av 1');
	await expect(principal.getByRole('heading', { name: 'Enheterna jämförda' })).toHaveCount(0);
	await expectAccessible(principal);

	// The teacher's own reflection: an answer to every item, then a level and a suggestion per area.
	await page.goto(`/${DEMO_SLUG}/kompetens/reflektion`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Min reflektion');
	await expectAccessible(page);
	const items = page.locator('form fieldset');
	await expect(items).toHaveCount(18);
	for (let i = 0; i < 18; i++)
		await items
			.nth(i)
			.getByLabel(i % 2 ? '3' : '2', { exact: true })
			.check();
	await page.getByRole('button', { name: 'Spara min reflektion' }).click();
	await expect(page.getByRole('status')).toContainText('Din reflektion är sparad.');
	await expect(page.getByRole('heading', { name: 'Dina nivåer' })).toBeVisible();
	await expect(page.getByText(/Förslag:/)).toHaveCount(6);
	await expectAccessible(page);
});
