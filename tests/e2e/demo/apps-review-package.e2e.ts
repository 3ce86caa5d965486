/**
 * A shared review with its agreement file (issue 18 item 6, decision 065): central support attaches the signed PDF,
 * exports the review with the file ticked, and the package is read back on the import page — a package whose file was
 * changed is refused beside the field; the real one, without JavaScript, previews the file and, once the name is free,
 * becomes a new entry whose origin lists their agreement with the file to download. The demo's review from Grannby
 * kommun shows the same way.
 */
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const CENTRAL = planDemo().people.find((p) => p.signIn === 'central_technical_support')!;
const RUN = Date.now().toString(36);
const TOOL = `Paketprovet ${RUN}`;
const PDF = Buffer.from(`%PDF-1.7\n1 0 obj << /Title (Avtal ${RUN}) >> endobj\ntrailer <<>>\n%%EOF\n`);

test('a review exported with its agreement file is refused when changed and imported with the file when not', async ({ page, browser }) => {
	test.setTimeout(150_000);
	await signIn(page, CENTRAL.email, DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}/appar/register/ny`);
	await page.getByLabel('Namn', { exact: true }).fill(TOOL);
	await page.getByRole('button', { name: 'Lägg till i registret' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TOOL);
	const toolUrl = page.url().split('?')[0];
	await page.getByLabel('Undertecknat av').fill('Förvaltningschefen');
	await page.getByLabel('Gäller från').fill('2026-08-01');
	await page.getByRole('button', { name: 'Registrera avtalet' }).click();
	await expect(page.getByRole('status')).toHaveText('Avtalet är registrerat.');
	await page.getByLabel('Fil (PDF)').setInputFiles({ name: 'PUB-avtal.pdf', mimeType: 'application/pdf', buffer: PDF });
	await page.getByRole('button', { name: 'Ladda upp filen' }).click();
	await expect(page.getByRole('status')).toHaveText('Avtalsfilen är sparad.');

	// The exporter chooses to include the file.
	await expect(page.getByLabel(/^Ta med avtalsfilen PUB-avtal\.pdf/)).not.toBeChecked();
	await expectAccessible(page);
	const exported = await page.request.get(`${toolUrl}/granskning.json?avtalsfil=1`);
	expect(exported.status()).toBe(200);
	const text = await exported.text();
	const pkg = JSON.parse(text);
	expect(pkg.body.extensions.agreementFile).toMatchObject({ fileName: 'PUB-avtal.pdf', size: PDF.length });
	expect(Buffer.from(pkg.body.extensions.agreementFile.content, 'base64')).toEqual(PDF);
	const without = JSON.parse(await (await page.request.get(`${toolUrl}/granskning.json`)).text());
	expect(without.body.extensions.agreementFile).toBeUndefined();

	const upload = async (on: typeof page, body: string) => {
		await on.goto(`/${DEMO_SLUG}/appar/register/granskning`);
		await on
			.getByLabel('Granskningsfil (.json)')
			.setInputFiles({ name: 'granskning.json', mimeType: 'application/json', buffer: Buffer.from(body) });
		await on.getByRole('button', { name: 'Kontrollera filen' }).click();
	};
	// One byte of the PDF changed on the way: the signature no longer holds.
	const changed = Buffer.from(PDF);
	changed[changed.length - 8] ^= 1;
	const tampered = {
		...pkg,
		body: {
			...pkg.body,
			extensions: { ...pkg.body.extensions, agreementFile: { ...pkg.body.extensions.agreementFile, content: changed.toString('base64') } }
		}
	};
	await upload(page, JSON.stringify(tampered));
	await expect(page.getByRole('alert')).toContainText('Signaturen stämmer inte');
	await expect(page.getByLabel('Granskningsfil (.json)')).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(page);

	// Renamed at home, so the package's name is free to import as a new entry.
	await page.goto(toolUrl);
	await page.getByText('Ändra uppgifterna').click();
	await page.getByLabel('Namn', { exact: true }).fill(`${TOOL} (original)`);
	await page.getByRole('button', { name: 'Spara uppgifterna' }).click();
	await expect(page.getByRole('status')).toHaveText('Uppgifterna är sparade.');

	const plain = await browser.newContext({ javaScriptEnabled: false, locale: 'sv-SE' });
	const noJs = await plain.newPage();
	await signIn(noJs, CENTRAL.email, DEMO_PASSWORD);
	await upload(noJs, text);
	await expect(noJs.getByRole('heading', { name: `Granskningen av ${TOOL}` })).toBeVisible();
	await expect(noJs.getByText(/PUB-avtal\.pdf \(\d+ kB\) följer med/)).toBeVisible();
	await noJs.getByRole('button', { name: 'Lägg till i registret' }).click();
	await expect(noJs.getByRole('heading', { level: 1 })).toHaveText(TOOL);
	const origin = noJs.getByRole('complementary', { name: /^Granskningen kommer från/ });
	await expect(origin).toContainText('Granskningen kommer från Exempelkommun');
	const link = origin.getByRole('link', { name: /^Deras avtalsfil: PUB-avtal\.pdf/ });
	const download = await noJs.request.get((await link.getAttribute('href'))!);
	expect(download.headers()['content-type']).toBe('application/pdf');
	expect(await download.body()).toEqual(PDF);
	await plain.close();

	await page.goto(noJs.url());
	await expectAccessible(page);
});

test('the demo register holds a review imported from a neighbouring organizer, with their agreement file', async ({ page }) => {
	await signIn(page, CENTRAL.email, DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}/appar/register?q=Stavningsstj%C3%A4rnan`);
	await page.getByRole('link', { name: 'Stavningsstjärnan' }).click();
	const origin = page.getByRole('complementary', { name: /^Granskningen kommer från/ });
	await expect(origin).toContainText('Granskningen kommer från Grannby kommun');
	await expect(origin).toContainText('Deras klassning');
	await expect(origin.getByRole('link', { name: /^Deras avtalsfil/ })).toBeVisible();
	await expectAccessible(page);
});
