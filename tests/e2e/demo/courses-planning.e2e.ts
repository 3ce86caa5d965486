/**
 * Competence, the last part of issue 19 (decision 066): central pedagogical support opens the needs picture of a unit
 * and turns a course into a planned action for it without JavaScript, and the action page follows the course up; the
 * principal of Rektorsområde Norr sees Solbackaskolan's key people with their assignment and own training; central
 * pedagogical support archives a course (gone from the catalog, listed as archived) and brings it back, and marks who
 * attended a live session that was held. axe on every page.
 */
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const people = planDemo().people;
const SUPPORT = people.find((p) => p.signIn === 'central_pedagogical_support')!;
const PRINCIPAL = people.find((p) => p.signIn?.startsWith('principal ('))!;
const KEY_PERSON = people.find((p) => p.signIn === 'pedagogical_key_person (Solbackaskolan)')!;
/** A short course of the demo catalog (build-demo-courses.ts) that no other spec signs up to. */
const ARCHIVED = 'Samarbete i delade dokument';

test('central pedagogical support plans a course for a unit from its needs, without JavaScript', async ({ browser, page }) => {
	test.setTimeout(180_000);
	const context = await browser.newContext({ javaScriptEnabled: false, locale: 'sv-SE' });
	const noJs = await context.newPage();
	await signIn(noJs, SUPPORT.email, DEMO_PASSWORD);
	await noJs.goto(`/${DEMO_SLUG}/kompetens/kurser/behov`);
	await noJs.getByLabel('Enhet', { exact: true }).selectOption({ label: 'Solbackaskolan' });
	await noJs.getByRole('button', { name: 'Visa' }).click();
	await expect(noJs.getByRole('heading', { level: 1 })).toHaveText('Behov och utbud: Solbackaskolan');
	const needs = noJs.url();
	const plan = noJs.getByRole('link', { name: /^Planera för enheten: / }).first();
	const title = (await plan.getAttribute('aria-label'))!.replace('Planera för enheten: ', '');
	await plan.click();

	// The planning form comes filled in: the unit's plan, the course, a title.
	await expect(noJs.getByLabel('Kurs som aktiviteten håller (valfritt)').locator('option:checked')).toHaveText(title);
	await expect(noJs.getByLabel('Plan', { exact: true }).locator('option:checked')).toContainText('Solbackaskolan');
	const form = noJs.url();
	await noJs.getByRole('button', { name: 'Lägg till aktiviteten' }).click();
	const box = noJs.getByRole('region', { name: 'Kursen och dess effekt' });
	await expect(box.getByRole('link', { name: title, exact: true })).toBeVisible();
	await expect(box).toContainText(/Anmälda\s*\d+ av \d+ i personalen/);
	const action = noJs.url();
	await context.close();

	// The same pages with JavaScript, for axe (it runs in the page).
	await signIn(page, SUPPORT.email, DEMO_PASSWORD);
	for (const url of [needs, form, action]) {
		await page.goto(url);
		await expectAccessible(page);
	}
});

test("the principal sees the key people's assignments and own training", async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, PRINCIPAL.email, DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}/kompetens/kurser/deltagande`);
	const section = page.getByRole('region', { name: 'Nyckelpersoner: uppdrag och egen kompetensutveckling' });
	const table = section.getByRole('table', { name: 'Nyckelpersoner vid Solbackaskolan' });
	await expect(table.getByRole('row', { name: new RegExp(KEY_PERSON.name) })).toContainText('IT-handledare (pedagogiskt stöd)');
	await expectAccessible(page);
});

test('a course is archived, listed as archived, and brought back', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, SUPPORT.email, DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}/kompetens/kurser`);
	const cards = page.getByRole('heading', { level: 3 }).getByRole('link', { name: ARCHIVED, exact: true });
	await expect(cards).toHaveCount(1);
	await cards.click();
	await page.getByRole('button', { name: 'Arkivera kursen' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Den syns inte längre i katalogen' })).toBeVisible();
	await expectAccessible(page);
	await page.goto(`/${DEMO_SLUG}/kompetens/kurser`);
	await expect(page.getByRole('heading', { level: 3 }).getByRole('link', { name: ARCHIVED, exact: true })).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Arkiverade kurser' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('listitem').getByRole('link', { name: ARCHIVED, exact: true }).click();
	await page.getByRole('button', { name: 'Ta tillbaka kursen' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Kursen är tillbaka i katalogen.' })).toBeVisible();
	await page.goto(`/${DEMO_SLUG}/kompetens/kurser`);
	await expect(page.getByRole('heading', { level: 3 }).getByRole('link', { name: ARCHIVED, exact: true })).toHaveCount(1);
});

test('central pedagogical support marks who attended a live session that was held', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, SUPPORT.email, DEMO_PASSWORD);
	// A session held weeks ago is no longer in the catalog; the needs picture lists what was offered and taken.
	await page.goto(`/${DEMO_SLUG}/kompetens/kurser/behov`);
	await page.getByRole('link', { name: 'Källkritik i praktiken – träff 1', exact: true }).click();
	// Someone marked as there by mistake is corrected, then marked again: the form saves both ways.
	const who = page.getByRole('group', { name: 'Vilka var med?' });
	const id = (await who.getByRole('checkbox', { checked: true }).first().getAttribute('id'))!;
	await page.locator(`#${id}`).uncheck();
	await page.getByRole('button', { name: 'Spara närvaron' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Närvaron är sparad.' })).toBeVisible();
	await expect(page.locator(`#${id}`)).not.toBeChecked();
	await page.locator(`#${id}`).check();
	await page.getByRole('button', { name: 'Spara närvaron' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Närvaron är sparad.' })).toBeVisible();
	await expect(page.locator(`#${id}`)).toBeChecked();
	await expectAccessible(page);
});
