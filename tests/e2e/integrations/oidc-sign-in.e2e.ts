import { expect, test } from '@playwright/test';
import { expectAccessible } from '../axe';
import { addPersonWithRole, addSchoolUnit, signInAsAdmin, TEST_ORG } from '../helpers';
import { startTestOidcProvider, type TestOidcProvider } from '../../oidc-test-provider';

/** The local OpenID Connect provider's port, beside the e2e servers' and the mail catcher's (mail-ports.ts). */
const OIDC_PORT = Number(process.env.E2E_PORT ?? 3100) + 52;
let idp: TestOidcProvider;

test.beforeAll(async () => {
	idp = await startTestOidcProvider(OIDC_PORT);
});
test.afterAll(async () => {
	await idp.stop();
});

test('an administrator connects the school account service, and a teacher signs in through it and lands on their organizer', async ({
	page,
	browser
}) => {
	const stamp = Date.now().toString(36);
	const teacher = { name: `Tea Lärare ${stamp}`, email: `tea-${stamp}@testkommun.se`, role: 'Personal' };
	const unit = { name: `Inloggningsskolan ${stamp}`, code: String(10_000_000 + (Date.now() % 89_999_999)) };
	await signInAsAdmin(page);
	await addSchoolUnit(page, TEST_ORG.slug, unit);
	await addPersonWithRole(page, teacher, unit.name);

	await page.goto(`/${TEST_ORG.slug}/admin/inloggning`);
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Lägg till en inloggningstjänst' }).click();
	await expectAccessible(page);
	// Entra ID's shared endpoint is refused beside the field, and what was typed stays.
	await page.getByLabel('Tjänst').selectOption('entra');
	await page.getByLabel('Namn på knappen').fill(`Skolkontot ${stamp}`);
	await page.getByLabel('Utfärdare (issuer)').fill('https://login.microsoftonline.com/common/v2.0');
	await page.getByLabel('Klient-id').fill('rodtrad-e2e');
	await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
	await expect(page.locator('#issuer-error')).toContainText('/common');
	await expect(page.getByLabel('Namn på knappen')).toHaveValue(`Skolkontot ${stamp}`);
	await expectAccessible(page);
	// The test's own provider: a generic OpenID Connect service on this machine, linking by verified e-mail.
	await page.getByLabel('Tjänst').selectOption('generic');
	await page.getByLabel('Utfärdare (issuer)').fill(idp.issuer);
	await page.getByLabel('Klienthemlighet').fill('e2e-hemlighet');
	await page.getByLabel('Koppla konton till personer med samma bekräftade e-postadress').check();
	await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringen är sparad.');
	await expect(page.getByTestId('redirect-uri')).toContainText('/logga-in/sso/');
	// The secret is write-only: the form says one is stored, and never shows it.
	await expect(page.getByText('En hemlighet är sparad.')).toBeVisible();
	expect(await page.content()).not.toContain('e2e-hemlighet');
	await expectAccessible(page);

	// The teacher, in a browser of their own, finds the organizer's way in and signs in at the provider.
	const context = await browser.newContext();
	const tea = await context.newPage();
	await tea.goto('/logga-in');
	await tea.getByLabel('Organisationens kortnamn').fill(TEST_ORG.slug);
	await tea.getByRole('button', { name: 'Visa inloggningssätt' }).click();
	await expect(tea.getByRole('heading', { name: `Inloggning för ${TEST_ORG.name}` })).toBeVisible();
	await expectAccessible(tea);
	idp.signInAs({ sub: `tea-${stamp}`, email: teacher.email, email_verified: true, name: teacher.name });
	await tea.getByRole('link', { name: `Logga in med Skolkontot ${stamp}` }).click();
	await expect(tea).toHaveURL(new RegExp(`/${TEST_ORG.slug}$`));
	await expect(tea.getByRole('link', { name: new RegExp(teacher.name) })).toBeVisible();

	// A forged way back (wrong state) ends on the sign-in page with a message, never an error page.
	const stranger = await browser.newContext();
	const other = await stranger.newPage();
	const callback = new URL(await page.getByTestId('redirect-uri').innerText());
	await other.goto(`${callback.pathname}?code=falsk&state=falsk`);
	await expect(other).toHaveURL(/\/logga-in\?org=testkommun&sso-fel=state/);
	await expect(other.getByTestId('sso-failure')).toContainText('Inloggningen kunde inte slutföras');
	await expectAccessible(other);

	// Signing out ends the Rödtråd session and offers the provider's own sign-out.
	await tea.getByRole('button', { name: 'Logga ut' }).click();
	await expect(tea.getByRole('link', { name: `Logga ut från Skolkontot ${stamp} också` })).toBeVisible();
	await context.close();
	await stranger.close();
});
