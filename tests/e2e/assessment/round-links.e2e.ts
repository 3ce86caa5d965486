/**
 * The round page links each person to the unit pages they may open, and nothing else: a teacher
 * reaches the answer page (also from the round list), the principal also consensus, the unit
 * report and "Ni sa – vi gör", the administrator the organizer report and every unit's reports.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../axe';
import { addSchoolUnit, setPasswordThroughOutbox, signIn, signInAsAdmin, TEST_ORG } from '../helpers';

test.describe.configure({ mode: 'serial' });

const ORG = TEST_ORG.slug;
const RUN = Date.now().toString(36);
const UNIT = { name: `Länkskolan ${RUN}`, code: `94${String(Date.now()).slice(-6)}` };
const PASSWORD = 'ett långt lösenord för länkarna';
const PRINCIPAL = { name: `Rut Rektor ${RUN}`, email: `rektor.${RUN}@lankar.exempel.se` };
const TEACHER = { name: `Lars Lärare ${RUN}`, email: `larare.${RUN}@lankar.exempel.se` };
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

let roundPath = '';
let unitId = '';

const pages = (page: Page) => page.getByRole('table', { name: 'Enheternas sidor i omgången' });

test('the administrator opens a round and sees the organizer report and the unit’s reports, but nothing to answer', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	await signInAsAdmin(page);
	await addSchoolUnit(page, ORG, UNIT);
	const csv = [
		'namn;e-post;roll;enhet',
		`${PRINCIPAL.name};${PRINCIPAL.email};Rektor;${UNIT.code}`,
		`${TEACHER.name};${TEACHER.email};Personal;${UNIT.code}`
	].join('\n');
	await page.goto(`/${ORG}/admin/import`);
	await page.getByLabel('Fil med personer').setInputFiles({ name: 'lankar.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await page.getByRole('button', { name: 'Förhandsgranska personer' }).click();
	await page.getByRole('button', { name: 'Importera', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('2 skapades');
	for (const p of [PRINCIPAL, TEACHER]) await setPasswordThroughOutbox(browser, page, p.email, PASSWORD);

	await page.goto(`/${ORG}/skattning/ny`);
	await page.getByLabel('Namn på omgången').fill(`Länkomgången ${RUN}`);
	await page.getByLabel('Ramverk').selectOption('nationella-strategin@2026.1');
	await page.getByLabel(UNIT.name, { exact: true }).check();
	for (const p of ['Ledning och rektor', 'Personal']) await page.getByLabel(p, { exact: true }).check();
	await page.getByLabel('Öppnar').fill(today());
	await page.getByLabel('Stänger').fill('2099-12-31');
	await page.getByRole('button', { name: 'Starta omgången' }).click();
	await expect(page).toHaveURL(/\/skattning\/[0-9a-f-]{36}\?klart=skapad$/);
	roundPath = new URL(page.url()).pathname;

	await expect(page.getByRole('link', { name: 'Huvudmannens rapport för omgången' })).toHaveAttribute('href', `${roundPath}/rapport`);
	const row = pages(page).getByRole('row').filter({ hasText: UNIT.name });
	const report = row.getByRole('link', { name: `Enhetsrapport för ${UNIT.name}` });
	unitId = (await report.getAttribute('href'))!.split('/').pop()!;
	await expect(report).toHaveAttribute('href', `${roundPath}/enhet/${unitId}`);
	await expect(row.getByRole('link', { name: `Ni sa – vi gör för ${UNIT.name}` })).toHaveAttribute(
		'href',
		`${roundPath}/resultat?enhet=${unitId}`
	);
	await expect(row.getByRole('link', { name: /^Svara för|^Samsyn för/ })).toHaveCount(0);
	await expectAccessible(page);
});

test('a teacher reaches the answer page from the round list and from the round page, and sees no team pages', async ({ page }) => {
	await signIn(page, TEACHER.email, PASSWORD);
	await page.goto(`/${ORG}/skattning`);
	await page.getByRole('link', { name: `Svara för ${UNIT.name}` }).click();
	await expect(page).toHaveURL(new RegExp(`${roundPath}/svara/${unitId}`));
	await expect(page.getByRole('button', { name: 'Börja svara' })).toBeVisible();

	await page.goto(roundPath);
	await expect(page.getByRole('link', { name: 'Huvudmannens rapport för omgången' })).toHaveCount(0);
	const row = pages(page).getByRole('row').filter({ hasText: UNIT.name });
	await expect(row.getByRole('link')).toHaveText([`Svara för ${UNIT.name}`]);
	await expectAccessible(page);
	await row.getByRole('link', { name: `Svara för ${UNIT.name}` }).click();
	await expect(page).toHaveURL(new RegExp(`${roundPath}/svara/${unitId}$`));
});

test('the principal gets answering, consensus, the unit report and "Ni sa – vi gör", and each opens', async ({ page }) => {
	await signIn(page, PRINCIPAL.email, PASSWORD);
	await page.goto(roundPath);
	await expect(page.getByRole('link', { name: 'Huvudmannens rapport för omgången' })).toHaveCount(0);
	const row = pages(page).getByRole('row').filter({ hasText: UNIT.name });
	await expect(row.getByRole('link')).toHaveText([
		`Svara för ${UNIT.name}`,
		`Samsyn för ${UNIT.name}`,
		`Enhetsrapport för ${UNIT.name}`,
		`Ni sa – vi gör för ${UNIT.name}`
	]);
	for (const name of [`Samsyn för ${UNIT.name}`, `Enhetsrapport för ${UNIT.name}`, `Ni sa – vi gör för ${UNIT.name}`]) {
		await page.goto(roundPath);
		await pages(page).getByRole('link', { name }).click();
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Något gick fel');
	}
	const report = await page.request.get(`${roundPath}/rapport`);
	expect(report.status()).toBe(403);
});
