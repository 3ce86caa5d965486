import { expect, test } from '@playwright/test';
import { expectAccessible } from '../axe';
import { addPersonWithRole, addSchoolUnit, signInAsAdmin, TEST_ORG } from '../helpers';
import { startTestSamlIdp, type TestSamlIdp } from '../../saml-test-idp';

let idp: TestSamlIdp;

test.beforeAll(async () => {
	// On localhost like the app: the IdP's page posts back to the ACS, and the attempt cookie rides only within the site.
	idp = await startTestSamlIdp({ host: 'localhost' });
});
test.afterAll(async () => {
	await idp.stop();
});

test('an administrator adds the Skolfederation IdP from its metadata address, and a teacher signs in through it and lands on their organizer', async ({
	page,
	browser
}) => {
	const stamp = Date.now().toString(36);
	const teacher = { name: `Sam Lärare ${stamp}`, email: `sam-${stamp}@testkommun.se`, role: 'Personal' };
	const unit = { name: `Federationsskolan ${stamp}`, code: String(10_000_000 + (Date.now() % 89_999_999)) };
	await signInAsAdmin(page);
	await addSchoolUnit(page, TEST_ORG.slug, unit);
	await addPersonWithRole(page, teacher, unit.name);

	await page.goto(`/${TEST_ORG.slug}/admin/inloggning`);
	await page.getByRole('link', { name: 'Lägg till en SAML-tjänst (Skolfederation)' }).click();
	await expectAccessible(page);
	// No metadata at all: said beside the field, and the name typed stays.
	await page.getByLabel('Namn på knappen').fill(`Skolfederationen ${stamp}`);
	await page.getByRole('button', { name: 'Lägg till tjänsten' }).click();
	await expect(page.locator('#metadataXml-error')).toContainText('Ange en adress till metadatan');
	await expect(page.getByLabel('Namn på knappen')).toHaveValue(`Skolfederationen ${stamp}`);
	await expectAccessible(page);
	await page.getByLabel('Adress till metadata').fill(idp.metadataUrl);
	await page.getByLabel('Koppla konton till personer med samma bekräftade e-postadress').check();
	await page.getByRole('button', { name: 'Lägg till tjänsten' }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringen är sparad.');
	await expect(page.getByTestId('idp-entity')).toHaveText(idp.entityId);
	await expect(page.getByTestId('sp-metadata')).toContainText('/saml/metadata');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Hämta igen' }).click();
	await expect(page.getByRole('status')).toHaveText('Metadatan är hämtad igen.');

	// The installation's SP metadata is public.
	const metadata = await page.request.get('/saml/metadata');
	expect(metadata.headers()['content-type']).toContain('application/samlmetadata+xml');
	expect(await metadata.text()).toContain('/saml/acs');

	// The teacher, in a browser of their own, picks the organizer's IdP; it answers at once and posts back.
	const context = await browser.newContext();
	const sam = await context.newPage();
	await sam.goto(`/logga-in?org=${TEST_ORG.slug}`);
	await expectAccessible(sam);
	idp.signInAs({
		'urn:oid:1.3.6.1.4.1.5923.1.1.1.6': `sam-${stamp}@testkommun.se`,
		'urn:oid:0.9.2342.19200300.100.1.3': teacher.email,
		'urn:oid:1.3.6.1.4.1.2428.90.1.5': '200001011234'
	});
	await sam.getByRole('link', { name: `Logga in med Skolfederationen ${stamp}` }).click();
	await expect(sam).toHaveURL(new RegExp(`/${TEST_ORG.slug}$`));
	await expect(sam.getByRole('link', { name: new RegExp(teacher.name) })).toBeVisible();
	expect(idp.requests.at(-1)).not.toContain('RequestedAuthnContext');

	// An answer posted without the browser's attempt (here: a forged one) ends on the sign-in page with a message.
	const stranger = await browser.newContext();
	const other = await stranger.newPage();
	await other.goto(`/logga-in?org=${TEST_ORG.slug}`);
	const acs = await other.request.post('/saml/acs', {
		form: { SAMLResponse: Buffer.from('<samlp:Response/>').toString('base64'), RelayState: page.url().split('/').pop()!.split('?')[0] },
		headers: { origin: 'http://idp.exempel.test' },
		maxRedirects: 0
	});
	expect(acs.status()).toBe(303);
	// Only the ACS takes another site's form: the sign-in form posted from elsewhere is still refused.
	const forged = await other.request.post('/logga-in', {
		form: { email: 'x@exempel.se', password: 'x' },
		headers: { origin: 'http://idp.exempel.test' },
		maxRedirects: 0
	});
	expect(forged.status()).toBe(403);
	await other.goto(acs.headers()['location']);
	await expect(other.getByTestId('sso-failure')).toBeVisible();
	await expectAccessible(other);
	await context.close();
	await stranger.close();
});
