/**
 * One case page (issue 14 items 2–4, decision 027) on the demo organizer, which has the whole chain, SLA
 * targets and overdue cases: the requester is told when to expect feedback; the 2nd line escalates to the
 * supplier and still opens the case, adds an internal note and reminds the supplier (once in four hours);
 * the queue sorted by deadline starts with the overdue cases; the pages fit a 375 px phone; one page in English.
 * It runs in the features project against the demo server the configuration starts anyway (E2E_PORT + 100).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';
import { formsSettled } from '../forms/settled';

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: `http://localhost:${Number(process.env.E2E_PORT ?? 3100) + 100}` });

const ORG = `/${DEMO_SLUG}`;
const people = planDemo().people.filter((p) => p.signIn);
const emailOf = (label: string) => people.find((p) => p.signIn!.startsWith(label))!.email;
const TEACHER = emailOf('staff (');
const KEY = emailOf('technical_key_person (');
const CENTRAL = emailOf('central_technical_support');
const SUPPLIER = emailOf('supplier');
const TITLE = `Dokumentkameran i sal 9 visar randig bild ${Date.now().toString(36)}`;
const NOTE = `Vi har redan bytt kabel och adapter ${Date.now().toString(36)}`;
const CHASE = `Klassen har prov på torsdag ${Date.now().toString(36)}`;
let number = '';

async function as(browser: Browser, email: string, viewport?: { width: number; height: number }): Promise<Page> {
	const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage();
	await signIn(page, email, DEMO_PASSWORD);
	return page;
}

/** No sideways scrolling at the page's width. */
async function expectNoSidewaysScroll(page: Page, width = 375) {
	expect(await page.evaluate(() => document.documentElement.scrollWidth), page.url()).toBeLessThanOrEqual(width);
}

/** A case step by the current line, from the case page. */
async function escalate(page: Page, team: string, reason: string) {
	await page.goto(`${ORG}/support/${number}`);
	await page.getByLabel('Team').selectOption({ label: team });
	await page.getByLabel('Varför går ärendet vidare?').fill(reason);
	await page.getByRole('button', { name: 'Eskalera ärendet' }).click();
	await expect(page).toHaveURL(new RegExp(`/support/${number}$`));
	await formsSettled(page);
}

test('the requester is told when to expect feedback, on a phone-sized screen', async ({ browser }) => {
	const teacher = await as(browser, TEACHER, { width: 375, height: 800 });
	await teacher.goto(`${ORG}/support/ny`);
	await teacher.getByLabel('Teknisk support').check();
	await teacher.getByLabel('Rubrik').fill(TITLE);
	await teacher.getByLabel('Vad har hänt?').fill('Bilden har gröna ränder. Det började efter lovet.');
	await teacher.getByRole('button', { name: 'Skicka ärendet' }).click();
	await expect(teacher).toHaveURL(/\/support\/\d+/);
	number = teacher.url().match(/\/support\/(\d+)/)![1];
	await expect(teacher.locator('#feedback-by')).toContainText(
		/Du får återkoppling senast (måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag) \d+ \S+ \d\d:\d\d\./
	);
	// The lines' due times and handling steps are not the requester's.
	await expect(teacher.getByRole('heading', { name: 'Tider för ärendet' })).toHaveCount(0);
	await expect(teacher.getByRole('heading', { name: 'Hantera ärendet' })).toHaveCount(0);
	await expectNoSidewaysScroll(teacher);
	await expectAccessible(teacher);
	await teacher.goto(`${ORG}/support`);
	await expect(teacher.getByRole('link', { name: TITLE })).toBeVisible();
	await expectNoSidewaysScroll(teacher);
	await expectAccessible(teacher);
});

test('the 2nd line escalates to the supplier, then still opens the case, adds an internal note and reminds the supplier', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const key = await as(browser, KEY);
	await key.goto(`${ORG}/support/${number}`);
	// The lines see each due time with its state.
	await expect(key.getByRole('heading', { name: 'Tider för ärendet' })).toBeVisible();
	await expect(key.getByText('Första svar:')).toBeVisible();
	await expect(key.getByText(/Tid hos första linjen \(OLA\)/)).toBeVisible();
	await expectAccessible(key);
	await escalate(key, 'Central IT-support', 'Behöver undersökas av central IT.');

	const central = await as(browser, CENTRAL);
	await escalate(central, 'Skrivar- och projektorservice (Mälarbygdens Bildteknik AB)', 'Garantiärende hos leverantören.');
	// Before the one case page this was 403 for the 2nd line. The old address leads to the case page.
	const response = await central.goto(`${ORG}/support/${number}/hantera`);
	expect(response?.status()).toBe(200);
	await expect(central).toHaveURL(new RegExp(`/support/${number}$`));
	await expect(central.getByRole('heading', { name: 'Ärendet ligger hos en annan linje' })).toBeVisible();
	await expect(central.getByRole('button', { name: 'Eskalera ärendet' })).toHaveCount(0);
	await expect(central.getByText('Garantiärende hos leverantören.')).toBeVisible();
	await central.getByLabel('Anteckning').fill(NOTE);
	await central.getByLabel('Vem får läsa?').selectOption('all_lines');
	await central.getByRole('button', { name: 'Spara anteckningen' }).click();
	await expect(central).toHaveURL(new RegExp(`/support/${number}$`));
	await expect(central.getByText(NOTE)).toBeVisible();

	await central.getByLabel('Meddelande (frivilligt)').fill(CHASE);
	await central.getByRole('button', { name: 'Skicka påminnelse' }).click();
	await expect(central).toHaveURL(new RegExp(`/support/${number}$`));
	await expect(central.getByText(CHASE)).toBeVisible();
	// A second reminder within four hours is refused, with what was typed kept.
	await central.getByLabel('Meddelande (frivilligt)').fill('Igen');
	await central.getByRole('button', { name: 'Skicka påminnelse' }).click();
	await expect(central.getByRole('alert')).toContainText('mindre än fyra timmar sedan');
	await expect(central.getByLabel('Meddelande (frivilligt)')).toHaveValue('Igen');
	await expectAccessible(central);

	// The supplier has the case now: the note for all lines and the reminder are on its timeline.
	const supplier = await as(browser, SUPPLIER);
	await supplier.goto(`${ORG}/support/${number}`);
	await expect(supplier.getByRole('heading', { name: 'Hantera ärendet' })).toBeVisible();
	await expect(supplier.getByText(NOTE)).toBeVisible();
	await expect(supplier.getByText(CHASE)).toBeVisible();
	await expect(supplier.getByRole('button', { name: 'Skicka påminnelse' })).toHaveCount(0);
	await expectAccessible(supplier);
});

test('the queue sorted by deadline starts with the overdue cases, and fits a phone', async ({ browser }) => {
	const central = await as(browser, CENTRAL, { width: 375, height: 800 });
	await central.goto(`${ORG}/support/ko?vy=all&sortering=deadline`);
	// An overdue case says since when ("försenad sedan …"); the others say when they are due.
	const states = await central
		.locator('#numbers tbody tr')
		.evaluateAll((rows) => rows.map((r) => (r.textContent ?? '').includes('försenad sedan')));
	expect(states.length).toBeGreaterThan(1);
	expect(states[0], 'the first case is overdue').toBe(true);
	// Once a case is not overdue, none after it is.
	expect(states.slice(states.indexOf(false)).every((late) => !late) || !states.includes(false)).toBe(true);
	await expectNoSidewaysScroll(central);
	await expectAccessible(central);
	await central.getByRole('link', { name: 'Snart försenade' }).click();
	await expect(central.getByRole('heading', { level: 2, name: 'Snart försenade' })).toBeVisible();
	await expectAccessible(central);
	await central.goto(`${ORG}/support/${number}`);
	await expectNoSidewaysScroll(central);
});

test('the case page in English', async ({ browser }) => {
	const teacher = await as(browser, TEACHER);
	await teacher.goto(`${ORG}/support/${number}`);
	await teacher.getByRole('button', { name: 'In English' }).click();
	await expect(teacher.getByRole('heading', { level: 1 })).toContainText(`Case ${number}`);
	await expect(teacher.locator('#feedback-by')).toContainText(/You will hear from us by \w+day/);
	await expectAccessible(teacher);
	await teacher.getByRole('button', { name: 'På svenska' }).click();
});
