/**
 * The REST API (issue 16, decision 052): Testkommun's administrator makes an organizer token that may read units,
 * is refused a token without any scope (beside the field, the name kept), sees the secret once and uses it against
 * /api/v1 (no cookie), then revokes it and is refused with a problem document. The token pages and the API
 * reference are checked with axe, and so are the personal token page and the webhook page, where an address on
 * 127.0.0.1 is refused. Tokens × scopes × roles are tested in the database tier.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from '../axe';
import { TEST_ORG, signInAsAdmin } from '../helpers';

test('an administrator makes an API token, uses it, and revokes it', async ({ page, playwright, baseURL }) => {
	const name = `E2E ${Date.now().toString(36)}`;
	await signInAsAdmin(page);
	await page.goto(`/${TEST_ORG.slug}/admin/api`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('API-nycklar för organisationen');
	await expectAccessible(page);

	await page.getByLabel('Namn', { exact: true }).fill(name);
	await page.getByRole('button', { name: 'Skapa nyckel' }).click();
	await expect(page.getByRole('alert')).toContainText('Välj minst ett område');
	await expect(page.getByLabel('Namn', { exact: true })).toHaveValue(name);

	await page.getByLabel('Enheter', { exact: true }).selectOption('read');
	await page.getByRole('button', { name: 'Skapa nyckel' }).click();
	const secret = await page.getByLabel('Din nya nyckel').inputValue();
	expect(secret).toMatch(/^rdt_/);
	await expectAccessible(page);

	const api = await playwright.request.newContext({ baseURL });
	const units = await api.get('/api/v1/units', { headers: { authorization: `Bearer ${secret}` } });
	expect(units.status()).toBe(200);
	expect(Array.isArray((await units.json()).items)).toBe(true);
	const cases = await api.get('/api/v1/cases', { headers: { authorization: `Bearer ${secret}` } });
	expect(cases.status()).toBe(403);
	expect(cases.headers()['content-type']).toContain('application/problem+json');

	await page.reload();
	await page.getByRole('button', { name: `Återkalla ${name}` }).click();
	await expect(page.getByRole('status')).toContainText('Nyckeln är återkallad');
	expect((await api.get('/api/v1/units', { headers: { authorization: `Bearer ${secret}` } })).status()).toBe(401);
	await api.dispose();

	// Webhooks: an address on 127.0.0.1 is refused beside the field (the test server does not allow private targets).
	await page.goto(`/${TEST_ORG.slug}/admin/webhooks`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Webhookar');
	await expectAccessible(page);
	await page.getByLabel('Adress', { exact: true }).fill('http://127.0.0.1:9/in');
	await page.getByLabel('Ärende skapat').check();
	await page.getByRole('button', { name: 'Lägg till webhook' }).click();
	await expect(page.getByRole('alert')).toContainText('internt nät');
	await expect(page.getByLabel('Adress', { exact: true })).toHaveValue('http://127.0.0.1:9/in');
	await expectAccessible(page);

	await page.goto('/konto/api-nycklar');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('API-nycklar');
	await expect(page.getByLabel('Organisation', { exact: true })).toBeVisible();
	await expectAccessible(page);

	await page.goto('/api/v1/docs');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('API-referens');
	await expect(page.getByRole('heading', { name: 'GET /cases', exact: true })).toBeVisible();
	await expectAccessible(page);
});
