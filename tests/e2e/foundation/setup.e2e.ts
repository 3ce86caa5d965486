import { expect, test } from '@playwright/test';
import { expectAccessible } from '../axe';

test.describe.configure({ mode: 'serial' });

test('a new installation asks for an organizer and an administrator, then signs the admin in', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/installera$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kom igång med Rödtråd');
	await expectAccessible(page);

	// Too short a password: the page explains, keeps what was typed, and creates nothing.
	await page.getByLabel('Huvudmannens namn').fill('Testkommun');
	await page.getByLabel('Sorts huvudman').selectOption('kommun');
	await page.getByLabel('Namn', { exact: true }).fill('Ada Admin');
	await page.getByLabel('E-postadress').fill('ada@testkommun.se');
	await page.getByLabel('Lösenord').fill('kort');
	await page.getByRole('button', { name: 'Skapa och logga in' }).click();
	await expect(page.getByRole('alert')).toContainText('minst 12 tecken');
	await expect(page.getByLabel('Huvudmannens namn')).toHaveValue('Testkommun');
	await expectAccessible(page);

	await page.getByLabel('Lösenord').fill('ett riktigt långt lösenord');
	await page.getByRole('button', { name: 'Skapa och logga in' }).click();
	await expect(page).toHaveURL(/\/testkommun$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Testkommun');
	await expect(page.getByText('Organisationsadministratör')).toBeVisible();
	await expectAccessible(page);
});

test('signing out and in again; a wrong password gets one message that reveals nothing', async ({ page }) => {
	await page.goto('/logga-in');
	await page.getByLabel('E-postadress').fill('ada@testkommun.se');
	await page.getByLabel('Lösenord').fill('fel lösenord här');
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page.getByRole('alert')).toContainText('stämmer inte');
	await expect(page.getByLabel('E-postadress')).toHaveValue('ada@testkommun.se');
	await expectAccessible(page);

	await page.getByLabel('Lösenord').fill('ett riktigt långt lösenord');
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page).toHaveURL(/\/testkommun$/);
	await page.getByRole('button', { name: 'Logga ut' }).click();
	await expect(page).toHaveURL(/\/logga-in/);
	await expect(page.getByRole('status')).toHaveText('Du är utloggad.');
	await page.goto('/testkommun');
	await expect(page).toHaveURL(/\/logga-in\?redirectTo=/);
});

test('the setup page is closed once an organizer exists', async ({ page }) => {
	await page.goto('/installera');
	await expect(page).toHaveURL(/\/logga-in$/);
});

test('English can be chosen and is remembered', async ({ page }) => {
	await page.goto('/logga-in');
	await page.getByRole('button', { name: 'In English' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.goto('/logga-in');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'På svenska' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logga in');
});

test('works without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/logga-in');
	await page.getByLabel('E-postadress').fill('ada@testkommun.se');
	await page.getByLabel('Lösenord').fill('ett riktigt långt lösenord');
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page).toHaveURL(/\/testkommun$/);
	await context.close();
});

test('security headers are strict', async ({ request }) => {
	const r = await request.get('/logga-in');
	const csp = r.headers()['content-security-policy'];
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
	expect(r.headers()['referrer-policy']).toBe('same-origin');
	expect(r.headers()['x-content-type-options']).toBe('nosniff');
});

test('what someone types before the JavaScript has loaded is kept', async ({ page }) => {
	// Hold the app's scripts back, type, then let them load and hydrate the page.
	let release: () => void = () => {};
	const gate = new Promise<void>((r) => (release = r));
	await page.route('**/_app/immutable/**', async (route) => {
		await gate;
		await route.continue();
	});
	await page.goto('/logga-in', { waitUntil: 'commit' });
	await page.getByLabel('E-postadress').fill('tidig@testkommun.se');
	release();
	await page.waitForLoadState('load');
	await page.waitForFunction(() => !document.querySelector('#email')?.hasAttribute('value') || document.readyState === 'complete');
	await page.waitForTimeout(200);
	await expect(page.getByLabel('E-postadress')).toHaveValue('tidig@testkommun.se');
});

test('a tampered session cookie is forgotten and leads to the sign-in page, not an error', async ({ page, context, baseURL }) => {
	await context.addCookies([{ name: 'rodtrad_session', value: 'forfalskad-token-123', url: baseURL! }]);
	const res = await page.goto('/testkommun');
	expect(res?.status()).toBe(200);
	await expect(page).toHaveURL(/\/logga-in\?redirectTo=/);
	const cookies = await context.cookies();
	expect(cookies.find((c) => c.name === 'rodtrad_session')).toBeUndefined();
});
