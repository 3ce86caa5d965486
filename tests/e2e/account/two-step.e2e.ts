/**
 * Two-step verification (decision 019): a person sets it up from their account page, reading the key off the
 * page as someone without a camera would, and then signs in with password and one-time code; a reused or wrong
 * code is refused with a clear message. An organizer that requires it sends its administrator to set it up.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { expectAccessible } from '../axe';
import { setPasswordByMail, signIn, signInAsAdmin, TEST_ORG } from '../helpers';

const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** The code an authenticator app would show for the key, `offsetSteps` 30-second steps from now. */
function codeFor(secret: string, offsetSteps = 0) {
	return TOTP.generate({
		secret: Secret.fromBase32(secret),
		digits: 6,
		period: 30,
		algorithm: 'SHA1',
		timestamp: Date.now() + offsetSteps * 30_000
	});
}

async function signOut(page: Page) {
	await page.getByRole('button', { name: 'Logga ut' }).click();
	await expect(page).toHaveURL(/\/logga-in\?utloggad/);
}

/** Signs in with the password only, up to the second step. */
async function passwordStep(page: Page, email: string, password: string) {
	await page.goto('/logga-in');
	await page.getByLabel('E-postadress').fill(email);
	await page.getByLabel('Lösenord').fill(password);
	await page.getByRole('button', { name: 'Logga in' }).click();
}

/** From /konto/tvastegsverifiering: starts set-up, reads the key and confirms with a code; returns key and recovery codes. */
async function setUpTwoStep(page: Page) {
	await page.getByRole('button', { name: 'Börja ställa in' }).click();
	await expect(page.getByRole('heading', { name: 'Ställ in appen' })).toBeVisible();
	await expect(page.getByRole('img', { name: 'QR-kod att skanna med appen för engångskoder' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Öppna i appen för engångskoder' })).toHaveAttribute('href', /^otpauth:\/\/totp\//);
	await expectAccessible(page);
	const secret = (await page.getByTestId('secret').innerText()).replace(/\s/g, '');
	expect(secret).toMatch(/^[A-Z2-7]{32}$/);
	// A wrong first code changes nothing.
	await page.getByLabel('Engångskod').fill('000000' === codeFor(secret) ? '111111' : '000000');
	await page.getByRole('button', { name: 'Slå på tvåstegsverifiering' }).click();
	await expect(page.locator('#code-error')).toContainText('Engångskoden stämmer inte');
	const firstCode = codeFor(secret);
	await page.getByLabel('Engångskod').fill(firstCode);
	await page.getByRole('button', { name: 'Slå på tvåstegsverifiering' }).click();
	await expect(page.getByRole('heading', { name: 'Dina återställningskoder' })).toBeVisible();
	const recovery = await page.getByTestId('recovery-codes').locator('code').allInnerTexts();
	expect(recovery).toHaveLength(10);
	await expectAccessible(page);
	return { secret, recovery, firstCode };
}

// Long flows (several sign-ins, axe on every new page) on a shared, busy machine.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const PERSON = { name: `Tove Tvåsteg ${stamp}`, email: `tove.${stamp}@testkommun.se`, password: 'toves alldeles egna långa lösenord' };

test('a person sets up two-step verification and then signs in with password and one-time code', async ({ page, browser }) => {
	await signInAsAdmin(page);
	await page.goto(`/${TEST_ORG.slug}/admin/personer/ny`);
	await page.getByLabel('Namn', { exact: true }).fill(PERSON.name);
	await page.getByLabel('E-postadress').fill(PERSON.email);
	await page.getByRole('button', { name: 'Lägg till person' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(PERSON.name);
	await setPasswordByMail(browser, PERSON.email, PERSON.password);

	const tove = await (await browser.newContext()).newPage();
	await signIn(tove, PERSON.email, PERSON.password);
	await tove.goto('/konto');
	await expect(tove.getByText('Tvåstegsverifiering är av.')).toBeVisible();
	await tove.getByRole('link', { name: 'Tvåstegsverifiering' }).click();
	await expect(tove).toHaveURL(/\/konto\/tvastegsverifiering$/);
	await expectAccessible(tove);
	const { secret, recovery, firstCode } = await setUpTwoStep(tove);
	// Once on, the key is not shown again.
	await tove.goto('/konto/tvastegsverifiering');
	await expect(tove.getByRole('heading', { name: 'Tvåstegsverifiering är på' })).toBeVisible();
	await expect(tove.getByTestId('secret')).toHaveCount(0);
	await expect(tove.getByText(secret)).toHaveCount(0);
	await expectAccessible(tove);

	// Signing in now takes a code; the address asked for is kept through both steps.
	await signOut(tove);
	await tove.goto('/konto');
	await expect(tove).toHaveURL(/\/logga-in\?redirectTo=/);
	await tove.getByLabel('E-postadress').fill(PERSON.email);
	await tove.getByLabel('Lösenord').fill(PERSON.password);
	await tove.getByRole('button', { name: 'Logga in' }).click();
	await expect(tove).toHaveURL(/\/logga-in\/kod\?redirectTo=%2Fkonto$/);
	await expect(tove.getByRole('heading', { level: 1 })).toHaveText('Skriv engångskoden');
	await expectAccessible(tove);
	// No session yet: the account page still wants a sign-in.
	const noSession = await tove.request.get('/konto', { maxRedirects: 0 });
	expect(noSession.status()).toBe(303);
	expect(noSession.headers()['location']).toMatch(/^\/logga-in/);

	// The code that turned it on has been used (within the drift window it is "used"; later it is simply wrong).
	await tove.getByLabel('Engångskod eller återställningskod').fill(firstCode);
	await tove.getByRole('button', { name: 'Logga in' }).click();
	await expect(tove.locator('#code-error')).toContainText(/har redan använts|stämmer inte/);
	await expectAccessible(tove);
	await tove.getByLabel('Engångskod eller återställningskod').fill('12345');
	await tove.getByRole('button', { name: 'Logga in' }).click();
	await expect(tove.locator('#code-error')).toContainText('Engångskoden stämmer inte');
	// The next step's code is fresh (one step of drift is allowed), so it is accepted now.
	await tove.getByLabel('Engångskod eller återställningskod').fill(codeFor(secret, 1));
	await tove.getByRole('button', { name: 'Logga in' }).click();
	await expect(tove).toHaveURL(/\/konto$/);
	await expect(tove.getByText('Tvåstegsverifiering är på.')).toBeVisible();

	// A lost phone: a recovery code signs in once.
	await signOut(tove);
	await passwordStep(tove, PERSON.email, PERSON.password);
	await tove.getByLabel('Engångskod eller återställningskod').fill(recovery[0].toUpperCase());
	await tove.getByRole('button', { name: 'Logga in' }).click();
	await expect(tove).not.toHaveURL(/\/logga-in/);
	await signOut(tove);
	await passwordStep(tove, PERSON.email, PERSON.password);
	await tove.getByLabel('Engångskod eller återställningskod').fill(recovery[0]);
	await tove.getByRole('button', { name: 'Logga in' }).click();
	await expect(tove.locator('#code-error')).toContainText('Engångskoden stämmer inte');

	// Phone and codes lost: the organization administrator turns it off on the person page (audited).
	await page.goto(`/${TEST_ORG.slug}/admin/personer`);
	await page.getByRole('link', { name: PERSON.name, exact: true }).click();
	await expect(page.getByText('Personen använder tvåstegsverifiering.')).toBeVisible();
	await page.getByRole('button', { name: 'Stäng av personens tvåstegsverifiering' }).click();
	await expect(page.getByRole('status')).toHaveText('Personens tvåstegsverifiering är avstängd.');
	await expect(page.getByText('Personen använder inte tvåstegsverifiering.')).toBeVisible();
	await expectAccessible(page);
	await signIn(tove, PERSON.email, PERSON.password);
	await expect(tove).not.toHaveURL(/\/kod/);
	await tove.context().close();
});

test('an organizer that requires two-step verification sends its administrator to set it up first', async ({ page, browser, baseURL }) => {
	const admin = { name: `Kim Krav ${stamp}`, email: `kim.${stamp}@kravby.example`, password: 'kims alldeles egna långa lösenord' };
	await signInAsAdmin(page);
	const created = await page.request.post('/system?/create', {
		form: {
			name: `Kravby skola ${stamp}`,
			kind: 'enskild',
			orgNumber: '',
			municipalityCode: '',
			adminName: admin.name,
			adminEmail: admin.email,
			password: admin.password
		},
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(created.status()).toBe(303);
	const org = `/${decodeURIComponent(created.headers()['location'].match(/skapad=([^&]+)/)![1])}`;

	const kim = await signedIn(browser, admin);
	await kim.goto(`${org}/admin/sakerhet`);
	await expectAccessible(kim);
	await kim.getByLabel('Organisationsadministratörer måste använda tvåstegsverifiering').check();
	await kim.getByRole('button', { name: 'Spara' }).click();
	// Kim has not set it up: from now on every page sends there.
	await expect(kim).toHaveURL(/\/konto\/tvastegsverifiering$/);
	await expect(kim.getByText('här måste administratörer använda tvåstegsverifiering')).toBeVisible();
	await expectAccessible(kim);
	await kim.goto(org);
	await expect(kim).toHaveURL(/\/konto\/tvastegsverifiering$/);
	// That redirect carries the same security headers as every other answer.
	const sent = await kim.request.get(org, { maxRedirects: 0 });
	expect(sent.status()).toBe(303);
	expect(sent.headers()).toMatchObject({
		location: '/konto/tvastegsverifiering',
		'x-frame-options': 'DENY',
		'cache-control': 'private, no-store'
	});

	// Also straight after the password at the next sign-in.
	await signOut(kim);
	await passwordStep(kim, admin.email, admin.password);
	await expect(kim).toHaveURL(/\/konto\/tvastegsverifiering$/);
	const { secret } = await setUpTwoStep(kim);
	await expect(kim.getByText('här måste administratörer använda tvåstegsverifiering')).toHaveCount(0);
	await kim.goto(`${org}/admin/sakerhet`);
	await expect(kim.getByLabel('Organisationsadministratörer måste använda tvåstegsverifiering')).toBeChecked();

	// The requirement goes off again (the organizer is this test's own, but leave nothing switched on).
	await kim.getByLabel('Organisationsadministratörer måste använda tvåstegsverifiering').uncheck();
	await kim.getByRole('button', { name: 'Spara' }).click();
	await expect(kim.getByRole('status')).toHaveText('Inställningen är sparad.');
	expect(secret).toBeTruthy();
	await kim.context().close();
});

async function signedIn(browser: Browser, who: { email: string; password: string }) {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, who.email, who.password);
	return page;
}
