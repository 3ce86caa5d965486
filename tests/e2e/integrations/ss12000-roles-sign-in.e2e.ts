/**
 * Issue 16's acceptance scenario for SS 12000 (decisions 050, 051 and its notifications addendum): the mock SS 12000
 * server, started here, syncs a teacher into Testkommun with the role from their duty; the teacher signs in through the
 * local OpenID Connect provider (linked by their verified school e-mail) and lands on Testkommun with that role. The
 * source then removes them: its notification asks for a delta, the delta deactivates them, and a new sign-in is
 * refused with the clear message. Another synced teacher signs in through the local SAML IdP (Skolfederation) and
 * lands with their duty's role too. The details are in the db tier (run-ss12000-sync, notifications, sso).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from '../axe';
import { signInAsAdmin, TEST_ORG } from '../helpers';
import { startTestOidcProvider, type TestOidcProvider } from '../../oidc-test-provider';
import { startTestSamlIdp, type TestSamlIdp } from '../../saml-test-idp';
import { mockId, seedSs12000, startSs12000Mock, type MockServer } from '../../ss12000-mock-server';

/** The local OpenID Connect provider's port, as in oidc-sign-in.e2e.ts (the lane runs one file at a time). */
const OIDC_PORT = Number(process.env.E2E_PORT ?? 3100) + 52;
let idp: TestOidcProvider;
let saml: TestSamlIdp;
let mock: MockServer;
const stamp = Date.now().toString(36);
const tag = `e2e${stamp}`;

test.beforeAll(async () => {
	idp = await startTestOidcProvider(OIDC_PORT);
	// On localhost like the app (saml-sign-in.e2e.ts): its page posts back to the ACS within the site.
	saml = await startTestSamlIdp({ host: 'localhost' });
	// Three persons: a principal and two teachers, at two school units; changes are notified to subscribers.
	mock = await startSs12000Mock(seedSs12000({ persons: 3, duties: 3, schoolUnits: 2, tag }), { autoNotify: true });
});
test.afterAll(async () => {
	await mock?.close();
	await idp?.stop();
	await saml?.stop();
});

/** Opens the SS 12000 page again until the newest run of `mode` has finished. */
async function waitForRun(page: Page, mode: string) {
	await expect(async () => {
		await page.goto(`/${TEST_ORG.slug}/admin/ss12000`);
		const row = page.getByRole('table', { name: 'De tio senaste körningarna, nyast först' }).getByRole('row').nth(1);
		await expect(row).toContainText(mode);
		await expect(row).toContainText('Klar');
	}).toPass({ timeout: 90_000, intervals: [1000, 2000, 3000] });
}

/** A fresh browser signs in through the organizer's provider as the mock's second person. */
async function signInAsTeacher(browser: Browser, button: string) {
	const context = await browser.newContext();
	const tea = await context.newPage();
	await tea.goto('/logga-in');
	await tea.getByLabel('Organisationens kortnamn').fill(TEST_ORG.slug);
	await tea.getByRole('button', { name: 'Visa inloggningssätt' }).click();
	idp.signInAs({ sub: `ss-${tag}`, email: `p2.${tag}@skola.exempel.se`, email_verified: true, name: `Förnamn2 Efternamn ${tag}` });
	await tea.getByRole('link', { name: button }).click();
	return { context, tea };
}

test('a teacher synced from SS 12000 signs in with the roles of their duties, and after the source removes them cannot sign in again', async ({
	page,
	browser
}) => {
	test.setTimeout(240_000);
	await signInAsAdmin(page);

	// The school-unit register page (decision 055): the empty state, and a wrong number beside the field.
	await page.goto(`/${TEST_ORG.slug}/admin/skolenhetsregistret`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Skolenhetsregistret');
	await expect(page.getByText('Hämta skolenheterna en första gång ovan')).toBeVisible();
	await page.getByLabel('Sök på').selectOption('org_number');
	await page.getByLabel('Organisationsnummer eller kommunkod').fill('12345');
	await page.getByRole('button', { name: 'Förhandsgranska' }).click();
	await expect(page.locator('#value-error')).toContainText('Organisationsnumret ska ha tio siffror');
	await expect(page.getByLabel('Organisationsnummer eller kommunkod')).toHaveValue('12345');
	await expectAccessible(page);

	// The administrator points the sync at the mock, dry-runs, then syncs for real.
	await page.goto(`/${TEST_ORG.slug}/admin/ss12000`);
	await page.getByLabel('Tjänstens adress').fill(mock.url);
	await page.getByLabel('Token eller klienthemlighet').fill(mock.token);
	await page.getByRole('button', { name: 'Spara inställningarna' }).click();
	await expect(page.getByRole('status')).toContainText('Inställningarna är sparade.');
	await page.getByRole('button', { name: 'Provkör' }).click();
	await waitForRun(page, 'Provkörning');
	await page.getByRole('button', { name: 'Synka nu' }).click();
	await waitForRun(page, 'Fullständig');
	await expectAccessible(page);
	// After the first real sync Rödtråd subscribes to the server's notifications.
	await expect.poll(() => mock.subscriptions.length, { timeout: 30_000 }).toBe(1);

	// The organizer's sign-in service: the local provider, linking by verified e-mail (the sync wrote the school address).
	const button = `Skolkontot ${stamp}`;
	await page.goto(`/${TEST_ORG.slug}/admin/inloggning`);
	await page.getByRole('link', { name: 'Lägg till en inloggningstjänst' }).click();
	await page.getByLabel('Tjänst').selectOption('generic');
	await page.getByLabel('Namn på knappen').fill(button);
	await page.getByLabel('Utfärdare (issuer)').fill(idp.issuer);
	await page.getByLabel('Klient-id').fill('rodtrad-e2e');
	await page.getByLabel('Klienthemlighet').fill('e2e-hemlighet');
	await page.getByLabel('Koppla konton till personer med samma bekräftade e-postadress').check();
	await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringen är sparad.');

	// The teacher lands on Testkommun with the role their duty gave (Lärare → Personal).
	const first = await signInAsTeacher(browser, `Logga in med ${button}`);
	await expect(first.tea).toHaveURL(new RegExp(`/${TEST_ORG.slug}$`));
	await expect(first.tea.getByRole('heading', { name: 'Dina roller' })).toBeVisible();
	await expect(first.tea.getByRole('heading', { name: 'Dina roller' }).locator('+ ul')).toContainText('Personal');
	await expectAccessible(first.tea);

	// The third synced person (also a teacher) signs in through the organizer's SAML IdP, linked by the school e-mail.
	const samlButton = `Federationen ${stamp}`;
	await page.goto(`/${TEST_ORG.slug}/admin/inloggning`);
	await page.getByRole('link', { name: 'Lägg till en SAML-tjänst (Skolfederation)' }).click();
	await page.getByLabel('Namn på knappen').fill(samlButton);
	await page.getByLabel('Adress till metadata').fill(saml.metadataUrl);
	await page.getByLabel('Koppla konton till personer med samma bekräftade e-postadress').check();
	await page.getByRole('button', { name: 'Lägg till tjänsten' }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringen är sparad.');
	const viaSaml = await browser.newContext();
	const fed = await viaSaml.newPage();
	await fed.goto(`/logga-in?org=${TEST_ORG.slug}`);
	saml.signInAs({
		'urn:oid:1.3.6.1.4.1.5923.1.1.1.6': `p3.${tag}@edu.exempel.se`,
		'urn:oid:0.9.2342.19200300.100.1.3': `p3.${tag}@skola.exempel.se`
	});
	await fed.getByRole('link', { name: `Logga in med ${samlButton}` }).click();
	await expect(fed).toHaveURL(new RegExp(`/${TEST_ORG.slug}$`));
	await expect(fed.getByRole('heading', { name: 'Dina roller' }).locator('+ ul')).toContainText('Personal');
	await viaSaml.close();

	// The source removes the teacher; its notification asks for a delta, which deactivates them.
	mock.deletePerson(mockId('p', 2));
	expect(await mock.notified()).toEqual([202]);
	await waitForRun(page, 'Ändringar');
	await first.tea.reload();
	await expect(first.tea).toHaveURL(/\/logga-in/);
	await first.context.close();

	// A new sign-in through the provider is refused with the clear message.
	const again = await signInAsTeacher(browser, `Logga in med ${button}`);
	await expect(again.tea).toHaveURL(/sso-fel=inactive/);
	await expect(again.tea.getByTestId('sso-failure')).toContainText('Ditt konto i Rödtråd är avstängt');
	await expectAccessible(again.tea);
	await again.context.close();
});
