/**
 * Devices at a school start (issue 17's "How we will know", decision 069): central technical support imports 31 new
 * devices, pastes the class list of 30 people at Strandvallsgymnasiet (year-group mode) and hands out a device to each
 * by keystrokes alone — the next person without a device waits in the person field, so each scan is the tag and Enter
 * — then prints a receipt. A student files a case about a broken screen choosing their own device; the device goes to
 * a supplier for repair with a loaner handed out in the same step, comes back, the loaner is taken back on the scan
 * page, and the repairs page shows 0 days without a device. The class list also works without JavaScript.
 */
import { expect, test, type Page } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const people = planDemo().people;
const CENTRAL = people.find((p) => p.signIn === 'central_technical_support')!;
const STUDENT = people.find((p) => p.signIn?.startsWith('student ('))!;
const only = (role: string) =>
	people.filter((p) => p.assignments.length === 1 && p.assignments[0].role === role && p.assignments[0].unitKey === 'strandvallen');
const CLASS = [...only('student'), ...only('staff')].filter((p) => !p.protectedIdentity).slice(0, 30);
const RUN = Date.now().toString(36).toUpperCase();
const tagOf = (i: number) => `SS-${RUN}-${String(i + 1).padStart(2, '0')}`;
const LOANER = `SS-${RUN}-L`;
const BASE = `/${DEMO_SLUG}/utrustning`;

async function importDevices(page: Page) {
	const rows = CLASS.map((_, i) => `${tagOf(i)};SN-${RUN}-${i};Fjällstad;Elevbok 13;Strandvallsgymnasiet;2026-07-20`);
	rows.push(`${LOANER};SN-${RUN}-L;Fjällstad;Elevbok 13;Kvarnbackaskolan;2026-07-20`);
	const csv = ['inventarienummer;serienummer;tillverkare;modell;enhet;inköpsdatum', ...rows].join('\n');
	await page.goto(`${BASE}/importera`);
	await page.getByLabel('Fil med enheter').setInputFiles({ name: 'leverans.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await page.getByRole('button', { name: 'Förhandsgranska' }).click();
	await page.getByRole('button', { name: 'Importera enheterna' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enheterna är importerade');
}

test('a class of 30 gets its devices by scanning, and a broken screen is repaired with a loaner and no day without', async ({
	page,
	browser
}) => {
	test.setTimeout(240_000);
	expect(CLASS).toHaveLength(30);
	await signIn(page, CENTRAL.email, DEMO_PASSWORD);
	await importDevices(page);

	await page.goto(`${BASE}/skanna`, { waitUntil: 'networkidle' });
	await page.getByLabel('Klasslista').fill(['e-post', ...CLASS.map((p) => p.email)].join('\n'));
	await page.getByRole('button', { name: 'Visa listan' }).click();
	await expect(page.getByRole('table', { name: 'Klasslistan: 30 av 30 saknar enhet' })).toBeVisible();
	await expectAccessible(page);
	const person = page.getByLabel('Personens e-postadress eller användar-id');
	const tag = page.getByLabel('Enhetens inventarienummer');
	const status = page.getByRole('status');
	for (const [i, p] of CLASS.entries()) {
		await expect(person).toHaveValue(p.email);
		await expect(tag).toBeFocused();
		await page.keyboard.type(tagOf(i));
		await page.keyboard.press('Enter');
		await expect(status).toHaveText(`${tagOf(i)} är utlämnad till ${p.name}.`);
	}
	await expect(page.getByRole('table', { name: 'Klasslistan: 0 av 30 saknar enhet' })).toBeVisible();
	await expect(page.getByText('Alla på listan har en enhet.')).toBeVisible();
	await expect(person).toBeFocused();
	await expectAccessible(page);

	// A receipt for the last hand-out, to print and sign.
	await page.getByRole('link', { name: `Kvitto: ${tagOf(29)}` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kvitto på utlämnad enhet');
	await expect(page.locator('article')).toContainText(CLASS[29].name);
	await expect(page.locator('article')).toContainText('Vårdnadshavarens namnteckning');
	await expectAccessible(page);

	// The student files a case about a broken screen, choosing their own device.
	const studentContext = await browser.newContext();
	const student = await studentContext.newPage();
	await signIn(student, STUDENT.email, DEMO_PASSWORD);
	await student.goto(`/${DEMO_SLUG}/support/ny`);
	const own = student.getByLabel('Gäller det en av dina enheter?');
	const option = own.locator('option').nth(1);
	const device = (await option.textContent())!.trim();
	const studentTag = device.match(/EX-\d{5}/)![0];
	await own.selectOption({ index: 1 });
	await student.getByLabel('Teknisk support').check();
	await student.getByLabel('Rubrik').fill(`Trasig skärm ${RUN}`);
	await student.getByLabel('Vad har hänt?').fill('Skärmen sprack när datorn föll i golvet.');
	await student.getByRole('button', { name: 'Skicka ärendet' }).click();
	await expect(student).toHaveURL(/\/support\/\d+\?anmalt/);
	await expect(student.locator('main')).toContainText(studentTag);
	await expectAccessible(student);

	// To a supplier for repair, a loaner handed out in the same step.
	await page.goto(`${BASE}?sok=${studentTag}`);
	await page.getByRole('link', { name: studentTag }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(studentTag);
	const repairer = page.getByLabel('Reparatör');
	const suppliers = (await repairer.locator('option').allTextContents()).filter((o) => o.trim() && !o.includes('Egen reparation'));
	await repairer.selectOption({ label: suppliers[0].trim() });
	await page.getByLabel('Lånedator (frivilligt)').fill(LOANER);
	await page.getByRole('button', { name: 'Skicka på reparation' }).click();
	await expect(page.getByRole('status')).toHaveText('Enheten är registrerad som skickad på reparation.');
	await expectAccessible(page);
	await page.getByLabel('Kostnad i kronor').fill('0');
	await page.getByRole('button', { name: 'Registrera att enheten är tillbaka' }).click();
	await expect(page.getByRole('status')).toHaveText('Enheten är tillbaka från reparationen.');

	// The loaner comes back on the scan page.
	await page.goto(`${BASE}/skanna?lage=ta-emot`, { waitUntil: 'networkidle' });
	await expect(tag).toBeFocused();
	await page.keyboard.type(LOANER);
	await page.keyboard.press('Enter');
	await expect(status).toContainText(`${LOANER} är återlämnad av ${STUDENT.name}`);

	await page.goto(`${BASE}/reparationer`);
	const row = page.getByRole('table', { name: 'Avslutade reparationer, senaste först' }).getByRole('row').filter({ hasText: studentTag });
	// A loaner was out the whole time: no day without a device.
	await expect(row.first().getByRole('cell').last()).toHaveText('0');
	await expectAccessible(page);
	await studentContext.close();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the class list comes back after each scan with the next person ready', async ({ page }) => {
		test.setTimeout(120_000);
		await signIn(page, CENTRAL.email, DEMO_PASSWORD);
		await page.goto(`${BASE}/skanna`);
		const staff = only('staff')
			.filter((p) => !p.protectedIdentity)
			.slice(30, 32);
		await page.getByLabel('Klasslista').fill(staff.map((p) => p.email).join(', '));
		await page.getByRole('button', { name: 'Visa listan' }).click();
		const person = page.getByLabel('Personens e-postadress eller användar-id');
		await expect(person).toHaveValue(staff[0].email);
		await expect(page.getByLabel('Enhetens inventarienummer')).toBeFocused();
		await page.keyboard.type('FINNS-INTE-2');
		await page.keyboard.press('Enter');
		await expect(page.locator('#tag-error')).toContainText('Det finns ingen enhet med det inventarienumret.');
		await expect(person).toHaveValue(staff[0].email);
		// (axe needs JavaScript; the page with the class list is checked in the test above.)
		await expect(page.getByRole('table', { name: /av 2 saknar enhet/ })).toBeVisible();
	});
});
