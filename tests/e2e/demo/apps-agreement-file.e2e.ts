/**
 * Agreement files and the data protection officer (decision 057): central support records an agreement for a new tool,
 * a file that is no PDF is refused beside the field, the signed PDF is attached and downloads as a PDF; the data
 * protection officer reads the tool, downloads the file and comments on the review, and has no decision form.
 */
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const people = planDemo().people;
const CENTRAL = people.find((p) => p.signIn === 'central_technical_support')!;
const DPO = people.find((p) => p.signIn === 'data_protection_officer')!;
const RUN = Date.now().toString(36);
const TOOL = `Avtalsprovet ${RUN}`;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

test('central support attaches the signed agreement; the data protection officer downloads it and comments', async ({ page, browser }) => {
	test.setTimeout(120_000);
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

	await page
		.getByLabel('Fil (PDF)')
		.setInputFiles({ name: 'avtal.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>nej</html>') });
	await page.getByRole('button', { name: 'Ladda upp filen' }).click();
	await expect(page.getByRole('alert')).toContainText('Filen är ingen PDF');
	await expectAccessible(page);
	await page.getByLabel('Fil (PDF)').setInputFiles({ name: 'PUB-avtal.pdf', mimeType: 'application/pdf', buffer: PDF });
	await page.getByRole('button', { name: 'Ladda upp filen' }).click();
	await expect(page.getByRole('status')).toHaveText('Avtalsfilen är sparad.');
	const link = page.getByRole('link', { name: /^PUB-avtal\.pdf/ });
	await expect(link).toBeVisible();
	const href = (await link.getAttribute('href'))!;

	const officer = await (await browser.newContext({ locale: 'sv-SE' })).newPage();
	await signIn(officer, DPO.email, DEMO_PASSWORD);
	await officer.goto(toolUrl);
	await expect(officer.getByRole('heading', { level: 1 })).toHaveText(TOOL);
	await expect(officer.getByRole('button', { name: 'Spara beslutet' })).toHaveCount(0);
	const download = await officer.request.get(href);
	expect(download.status()).toBe(200);
	expect(download.headers()['content-type']).toBe('application/pdf');
	expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
	await officer.getByLabel('Din synpunkt').fill('Kontrollera var underbiträdena lagrar uppgifterna.');
	await officer.getByRole('button', { name: 'Lämna synpunkten' }).click();
	await expect(officer.getByRole('status')).toHaveText('Synpunkten är sparad.');
	await expect(officer.getByRole('region', { name: 'Synpunkter på granskningen' })).toContainText(
		'Kontrollera var underbiträdena lagrar uppgifterna.'
	);
	await expectAccessible(officer);
});
