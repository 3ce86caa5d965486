/**
 * Self-assessment from start to finish, as the issue describes it: a round for two units; a principal,
 * three teachers and six students (through the anonymous link) answer; the principal agrees a level; the
 * organizer report shows both units, the spread, and the groups too small to show as hidden.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../axe';
import { setPasswordThroughOutbox, signIn, signInAsAdmin, TEST_ORG } from '../helpers';
import { formsSettled } from '../forms/settled';

test.describe.configure({ mode: 'serial' });

const ORG = TEST_ORG.slug;
const UNITS = [
	{ name: 'Ekbackeskolan', code: '93000001' },
	{ name: 'Granbackeskolan', code: '93000002' }
];
const PASSWORD = 'ett långt lösenord för flödet';
const PRINCIPAL = { name: 'Pia Ekbacke', email: 'pia.ekbacke@flode.exempel.se' };
const TEACHERS = [1, 2, 3].map((i) => ({ name: `Lärare ${i} Ekbacke`, email: `larare${i}.ekbacke@flode.exempel.se` }));
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

let roundPath = '';
let unitId = '';
let studentLink = '';

/** Answers the first statement on the first page, then reviews and submits. */
async function answerAndSubmit(page: Page, pagePath: string, reviewPath: string) {
	await page.getByRole('button', { name: 'Börja svara' }).click();
	await expect(page).toHaveURL(new RegExp(pagePath));
	await page.getByRole('group').first().getByRole('radio').nth(2).check();
	await page.getByRole('button', { name: 'Spara', exact: true }).click();
	await formsSettled(page);
	await page.goto(reviewPath);
	await page.getByRole('button', { name: 'Skicka in' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tack! Dina svar är inskickade.');
}

test('an administrator sets up two units and their people, and opens a round with a student link', async ({ page, browser }) => {
	test.setTimeout(180_000);
	await signInAsAdmin(page);
	for (const u of UNITS) {
		await page.goto(`/${ORG}/admin/enheter/ny`);
		await page.getByLabel('Namn', { exact: true }).fill(u.name);
		await page.getByLabel('Typ av enhet').selectOption('skolenhet');
		await page.getByLabel('Skolenhetskod').fill(u.code);
		await page.getByRole('button', { name: 'Lägg till enheten' }).click();
		await expect(page.getByRole('status')).toHaveText('Enheten är tillagd.');
	}
	const csv = [
		'namn;e-post;roll;enhet',
		`${PRINCIPAL.name};${PRINCIPAL.email};Rektor;${UNITS[0].code}`,
		...TEACHERS.map((t) => `${t.name};${t.email};Personal;${UNITS[0].code}`)
	].join('\n');
	await page.goto(`/${ORG}/admin/import`);
	await page.getByLabel('Fil med personer').setInputFiles({ name: 'flode.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await page.getByRole('button', { name: 'Förhandsgranska personer' }).click();
	await page.getByRole('button', { name: 'Importera', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('4 skapades');
	for (const p of [PRINCIPAL, ...TEACHERS]) await setPasswordThroughOutbox(browser, page, p.email, PASSWORD);

	await page.goto(`/${ORG}/skattning/ny`);
	await page.getByLabel('Namn på omgången').fill('Flödesomgången');
	const framework = page.getByLabel('Ramverk');
	await framework.selectOption((await framework.locator('option', { hasText: 'Nationella' }).first().getAttribute('value'))!);
	for (const u of UNITS) await page.getByLabel(u.name, { exact: true }).check();
	for (const p of ['Ledning och rektor', 'Personal', 'Elever']) await page.getByLabel(p, { exact: true }).check();
	await page.getByLabel('Öppnar').fill(today());
	await page.getByLabel('Stänger').fill('2099-12-31');
	await page.getByRole('button', { name: 'Starta omgången' }).click();
	await expect(page).toHaveURL(/\/skattning\/[0-9a-f-]{36}\?klart=skapad$/);
	roundPath = new URL(page.url()).pathname;
	await expectAccessible(page);
	await page.getByRole('button', { name: `Skapa länk för ${UNITS[0].name}, Elever` }).click();
	studentLink = new URL((await page.locator('code.url').first().textContent())!.trim(), page.url()).pathname;

	await page.goto(`/${ORG}/admin/enheter`);
	unitId = (await page.getByRole('link', { name: UNITS[0].name, exact: true }).getAttribute('href'))!.split('/').pop()!;
});

test('the principal, three teachers and six students answer', async ({ browser }) => {
	test.setTimeout(180_000);
	const start = `${roundPath}/svara/${unitId}`;
	for (const [who, perspective] of [[PRINCIPAL, 'ledning'], ...TEACHERS.map((t) => [t, 'personal'] as const)] as const) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signIn(page, who.email, PASSWORD);
		await page.goto(start);
		await answerAndSubmit(page, `${start}/${perspective}`, `${start}/${perspective}/granska`);
		await context.close();
	}
	for (let i = 0; i < 6; i++) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(studentLink);
		await answerAndSubmit(page, `${studentLink}/svar`, `${studentLink}/granska`);
		if (i === 0) await expectAccessible(page);
		await context.close();
	}
});

test('the principal agrees a level and the organizer report shows both units, the spread and the hidden groups', async ({
	page,
	browser
}) => {
	await signIn(page, PRINCIPAL.email, PASSWORD);
	await page.goto(`${roundPath}/enhet/${unitId}/samsyn`);
	await page.getByRole('link', { name: /^0 / }).click();
	await page.locator('section.item').first().locator('input[type=radio][value="3"]').check();
	await page.getByRole('button', { name: 'Spara enhetens nivåer' }).click();
	await expect(page.getByRole('status')).toHaveText('Enhetens nivåer är sparade.');
	await expectAccessible(page);

	// The agreed level's next step becomes an action of the unit's plan in one step, filled in from the report.
	await page.goto(`${roundPath}/enhet/${unitId}`);
	await expectAccessible(page);
	await page
		.getByRole('link', { name: /^Gör till aktivitet: / })
		.first()
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny aktivitet');
	await expect(page.getByLabel('Plan', { exact: true })).toHaveValue(unitId);
	await expect(page.getByLabel('Vad ska göras?')).not.toHaveValue('');
	await expect(
		page
			.getByRole('group', { name: /^Delmål i / })
			.first()
			.getByRole('checkbox', { checked: true })
	).toHaveCount(1);

	const admin = await (await browser.newContext()).newPage();
	await signInAsAdmin(admin);
	await admin.goto(`${roundPath}/rapport`);
	const heatmapTable = admin.getByRole('table', { name: 'Medelnivå per enhet och delmål' });
	for (const u of UNITS) await expect(heatmapTable.getByRole('rowheader', { name: u.name })).toBeVisible();
	await expect(admin.getByRole('heading', { name: 'Likvärdighet mellan enheterna' })).toBeVisible();
	const respondents = admin
		.getByRole('row')
		.filter({ has: admin.getByRole('rowheader', { name: UNITS[0].name, exact: true }) })
		.last();
	// One principal and three teachers are fewer than five: hidden. Six students are shown; no key person answered.
	await expect(respondents.getByRole('cell')).toHaveText(['Dolt', 'Dolt', '6', '0', '10']);
	await expectAccessible(admin);
});
