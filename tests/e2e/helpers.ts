import { expect, type Browser, type Page } from '@playwright/test';
import { nextMailTo, resetLinkIn } from './mail';

/** The installation the 'installation' project creates on the e2e server. */
export const TEST_ORG = { slug: 'testkommun', name: 'Testkommun' };
export const TEST_ADMIN = { name: 'Ada Admin', email: 'ada@testkommun.se', password: 'ett riktigt långt lösenord' };

/** The demo server's shared password (see src/lib/server/demo/load-demo.ts). */
export const DEMO_PASSWORD = 'rodtrad-demo-2026';

/** Signs in through the form and waits until the sign-in page is left. */
export async function signIn(page: Page, email: string, password: string) {
	await page.goto('/logga-in');
	await page.getByLabel('E-postadress').fill(email);
	await page.getByLabel('Lösenord').fill(password);
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page).not.toHaveURL(/\/logga-in/);
}

export const signInAsAdmin = (page: Page) => signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);

/** Adds a school unit (skolenhet) to an organizer through its admin page. */
export async function addSchoolUnit(page: Page, org: string, unit: { name: string; code: string }) {
	await page.goto(`/${org}/admin/enheter/ny`);
	await page.getByLabel('Namn', { exact: true }).fill(unit.name);
	await page.getByLabel('Typ av enhet').selectOption('skolenhet');
	await page.getByLabel('Skolenhetskod').fill(unit.code);
	await page.getByRole('button', { name: 'Lägg till enheten' }).click();
	await expect(page.getByRole('status')).toHaveText('Enheten är tillagd.');
}

/** Adds a person through the admin pages of the test organizer and gives them a role at a unit (by name). */
export async function addPersonWithRole(page: Page, p: { name: string; email: string; role: string }, unitName: string) {
	await page.goto(`/${TEST_ORG.slug}/admin/personer/ny`);
	await page.getByLabel('Namn', { exact: true }).fill(p.name);
	await page.getByLabel('E-postadress').fill(p.email);
	await page.getByRole('button', { name: 'Lägg till person' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(p.name);
	await page.getByLabel('Roll', { exact: true }).selectOption({ label: p.role });
	await page.getByLabel('Var gäller rollen?').selectOption({ label: unitName });
	await page.getByRole('button', { name: 'Lägg till roll' }).click();
	await expect(page.getByRole('status')).toHaveText('Rollen är tillagd.');
}

/**
 * A person without a password gets one as a real user would: they ask for a link and open it from the mail
 * in their inbox (the e2e mail catcher, tests/e2e/mail.ts). Administrators never see the link (issue 12).
 */
export async function setPasswordByMail(browser: Browser, email: string, password: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto('/glomt-losenord');
	await page.getByLabel('E-postadress').fill(email);
	const mail = await nextMailTo(
		email,
		async () => {
			await page.getByRole('button', { name: 'Skicka länk' }).click();
			await expect(page.getByRole('status')).toContainText('Om det finns ett konto');
		},
		(m) => /\/aterstall-losenord\//.test(m.text)
	);
	await page.goto(new URL(resetLinkIn(mail)).pathname);
	await page.getByLabel('Nytt lösenord', { exact: true }).fill(password);
	await page.getByLabel('Upprepa det nya lösenordet').fill(password);
	await page.getByRole('button', { name: 'Spara det nya lösenordet' }).click();
	await expect(page).toHaveURL(/\/logga-in\?aterstallt/);
	await context.close();
}

/** As setPasswordByMail; the administrator's page is no longer needed (kept for the callers written before). */
export const setPasswordThroughOutbox = (browser: Browser, _admin: Page, email: string, password: string) =>
	setPasswordByMail(browser, email, password);
