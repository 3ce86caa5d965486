/**
 * The support chain end to end on the demo: a teacher's broken projector goes from the unit's
 * key person to the central team to the supplier and back solved; the teacher follows every
 * public step, gets the mails and rates the case; the follow-up page counts the lost lessons.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

test.describe.configure({ mode: 'serial' });

const ORG = `/${DEMO_SLUG}`;
const people = planDemo().people.filter((p) => p.signIn);
const emailOf = (label: string) => people.find((p) => p.signIn!.startsWith(label))!.email;
const TEACHER = emailOf('staff (');
const KEY = emailOf('technical_key_person (');
const CENTRAL = emailOf('central_technical_support');
const SUPPLIER = emailOf('supplier');
const ADMIN = emailOf('org_admin');
const TITLE = `Projektorn i sal 12 är svart ${Date.now().toString(36)}`;
let number = '';

async function as(browser: Browser, email: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, email, DEMO_PASSWORD);
	return page;
}

/** Lessons lost at the teacher's unit this school year, as the follow-up page shows them. */
async function lessonsAtUnit(admin: Page, unitName: string): Promise<number> {
	await admin.goto(`${ORG}/support/uppfoljning`);
	const row = admin.getByRole('table', { name: /per enhet/ }).getByRole('row', { name: new RegExp(unitName) });
	// Lessons are shown with one decimal and a decimal comma ("56,7"), minutes ÷ 60 (decision 035).
	return Number((await row.getByRole('cell').nth(1).innerText()).replace(/\s/g, '').replace(',', '.'));
}

async function handle(page: Page, step: (p: Page) => Promise<void>) {
	await page.goto(`${ORG}/support/${number}`);
	await page.getByRole('link', { name: 'Hantera ärendet' }).click();
	await expectAccessible(page);
	await step(page);
	await expect(page).toHaveURL(new RegExp(`/support/${number}$`));
}

test('a projector case climbs the whole chain and comes back solved, rated and counted', async ({ browser }) => {
	test.setTimeout(240_000);
	const admin = await as(browser, ADMIN);
	const unitName = people.find((p) => p.email === TEACHER)!.signIn!.match(/\((.+)\)/)![1];
	const lessonsBefore = await lessonsAtUnit(admin, unitName);

	// The teacher files the case with two lost lessons.
	const teacher = await as(browser, TEACHER);
	await teacher.goto(`${ORG}/support/ny`);
	await expectAccessible(teacher);
	await teacher.getByLabel('Teknisk support').check();
	await teacher.getByLabel('Rubrik').fill(TITLE);
	await teacher.getByLabel('Vad har hänt?').fill('Lampan lyser men duken förblir svart. Vi bytte kabel utan att det hjälpte.');
	await teacher.getByLabel('Hur mycket undervisningstid gick förlorad?').fill('2');
	await expect(teacher.getByLabel('Enhet för den förlorade tiden')).toHaveValue('lesson');
	await teacher.getByLabel('Antal elever som påverkades').fill('26');
	await teacher.getByRole('button', { name: 'Skicka ärendet' }).click();
	// The filed case's page, once the redirect has landed (the click returns before it does).
	await expect(teacher).toHaveURL(/\/support\/\d+/);
	number = teacher.url().match(/\/support\/(\d+)/)?.[1] ?? '';
	expect(number, 'the case page after filing').not.toBe('');
	await expectAccessible(teacher);

	// First line: the unit's technical key person answers and escalates to the central team.
	const key = await as(browser, KEY);
	await handle(key, async (p) => {
		await p.getByLabel('Svar', { exact: true }).fill('Vi har testat en annan dator, felet sitter i projektorn.');
		await p.getByRole('button', { name: 'Skicka svaret' }).click();
	});
	await handle(key, async (p) => {
		await p.getByLabel('Team').selectOption({ label: 'Central IT-support' });
		await p.getByLabel('Varför går ärendet vidare?').fill('Projektorn behöver undersökas av central IT.');
		await p.getByRole('button', { name: 'Eskalera ärendet' }).click();
	});

	// Second line: central IT sends it on to the supplier.
	const central = await as(browser, CENTRAL);
	await handle(central, async (p) => {
		await p.getByLabel('Team').selectOption({ label: 'Skrivar- och projektorservice (Mälarbygdens Bildteknik AB)' });
		await p.getByLabel('Varför går ärendet vidare?').fill('Lampmodulen är trasig, garantiärende.');
		await p.getByRole('button', { name: 'Eskalera ärendet' }).click();
	});

	// Third line: the supplier solves it and says why.
	const supplier = await as(browser, SUPPLIER);
	await handle(supplier, async (p) => {
		await p.getByLabel('Lösning').fill('Lampmodulen är utbytt och projektorn visar bild igen.');
		await p.getByLabel('Orsak').selectOption('hardware');
		await p.getByRole('button', { name: 'Markera som löst' }).click();
	});
	// The key person still watches the case and sees how it ended.
	await key.goto(`${ORG}/support/${number}`);
	await expect(key.getByText('Lampmodulen är utbytt')).toBeVisible();

	// The teacher sees every public step, then rates the case.
	await teacher.goto(`${ORG}/support/${number}`);
	for (const text of ['felet sitter i projektorn', 'Projektorn behöver undersökas', 'Lampmodulen är trasig', 'Lampmodulen är utbytt']) {
		await expect(teacher.getByText(text, { exact: false })).toBeVisible();
	}
	await expect(teacher.getByText('Löst', { exact: true }).first()).toBeVisible();
	// The solved mail links to the page with the rating chosen.
	await teacher.goto(`${ORG}/support/${number}?betyg=5#betyg`);
	await expect(teacher.getByLabel(/^5 – /)).toBeChecked();
	await teacher.getByLabel('Kommentar (valfritt)').fill('Snabbt och tydligt!');
	await teacher.getByRole('button', { name: 'Skicka betyget' }).click();
	await expect(teacher.getByText('Snabbt och tydligt!').first()).toBeVisible();
	await expectAccessible(teacher);

	// Every public step reached the teacher's inbox (the outbox, as no SMTP server is set).
	await admin.goto(`${ORG}/admin/utkorg`);
	const mails = admin
		.getByRole('row')
		.filter({ hasText: TEACHER })
		.filter({ hasText: new RegExp(`\\b${number}\\b`) });
	expect(await mails.count()).toBeGreaterThanOrEqual(4);

	// The follow-up page counts the two lessons and shows a lead time at the third line.
	expect(await lessonsAtUnit(admin, unitName)).toBeCloseTo(lessonsBefore + 2, 1);
	const third = admin.getByRole('table', { name: /ledtiden/ }).getByRole('row', { name: /Tredje linjen/ });
	await expect(third.getByRole('cell').first()).not.toHaveText('0');
	await expectAccessible(admin);
});
