import { expect, type Page } from '@playwright/test';

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
