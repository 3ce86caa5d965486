import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../axe';
import { signInAsAdmin, TEST_ORG } from '../helpers';
import { readZip } from '../../../src/lib/server/knowledge/export/zip';

test.describe.configure({ mode: 'serial' });

const ORG = TEST_ORG.slug;
const IMPORT = `/${ORG}/hjalp/importera`;

const GOOD = {
	name: 'e2e-gastnatet.md',
	text: '---\ntitle: Ansluta till gästnätet\ntags: [wifi, gäst]\naudience: everyone\npublic: true\n---\n\nVälj nätet **Gäst** och godkänn villkoren. <script>alert(1)</script>\n'
};
const broken = (audience: string) => ({
	name: 'e2e-projektor.md',
	text: `---\ntitle: Projektorn visar ingen bild\naudience: ${audience}\n---\n\nKontrollera att kabeln sitter i och välj rätt källa.\n`
});

async function upload(page: Page, files: { name: string; text: string }[]) {
	await page.goto(IMPORT);
	await page
		.getByLabel('Artikelfiler')
		.setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'text/markdown', buffer: Buffer.from(f.text, 'utf8') })));
	await page.getByRole('button', { name: 'Importera', exact: true }).click();
}

async function exportedNames(page: Page): Promise<string[]> {
	const res = await page.request.get(`/${ORG}/hjalp/exportera`);
	expect(res.headers()['content-type']).toBe('application/zip');
	return readZip(Buffer.from(await res.body())).map((e) => e.name);
}

test('an import with a broken file lists the problem by file and line and writes nothing; fixed, it creates both and exports them', async ({
	page
}) => {
	await signInAsAdmin(page);
	await upload(page, [GOOD, broken('lärare')]);
	const problems = page.getByRole('table', { name: 'Fel i filerna' });
	await expect(problems.getByRole('row').filter({ hasText: 'e2e-projektor.md' }).getByRole('cell').nth(1)).toHaveText('3');
	await expect(problems).toContainText('Ogiltigt värde i fältet audience.');
	await expect(page.getByRole('alert')).toContainText('1 fel i 1 filer – inget har sparats');
	await expectAccessible(page);
	expect(await exportedNames(page)).not.toContain(GOOD.name);

	await upload(page, [GOOD, broken('staff')]);
	const result = page.getByRole('status');
	await expect(result).toContainText('2 nya artiklar');
	await expect(result).toContainText('0 uppdaterade artiklar');
	await expectAccessible(page);

	// Again with one changed: updated, not duplicated.
	await upload(page, [GOOD, broken('everyone')]);
	await expect(page.getByRole('status')).toContainText('1 uppdaterade artiklar');
	await expect(page.getByRole('status')).toContainText('1 oförändrade artiklar');

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Exportera alla artiklar som zip-fil' }).click();
	expect((await download).suggestedFilename()).toMatch(/^kunskapsbank-testkommun-\d{4}-\d{2}-\d{2}\.zip$/);
	expect(await exportedNames(page)).toEqual(expect.arrayContaining([GOOD.name, 'e2e-projektor.md']));
});

test('a public article is read signed out once the organizer allows it, with its HTML shown as text', async ({ page, browser }) => {
	const context = await browser.newContext();
	const anonymous = await context.newPage();
	const article = `/hjalp/${ORG}/e2e-gastnatet`;
	expect((await anonymous.goto(article))?.status()).toBe(404);

	await signInAsAdmin(page);
	await page.goto(`/${ORG}/admin/support`);
	await page.getByLabel('Artiklar som är markerade som publika får läsas utan inloggning').check();
	await page.getByRole('button', { name: 'Spara inställningen för kunskapsbanken' }).click();
	await expect(page.getByRole('status')).toContainText('Inställningen för kunskapsbanken är sparad.');

	await anonymous.goto(`/hjalp/${ORG}`);
	await anonymous.getByRole('link', { name: 'Ansluta till gästnätet' }).click();
	await expect(anonymous.getByRole('heading', { level: 1 })).toHaveText('Ansluta till gästnätet');
	await expect(anonymous.locator('.article-body strong')).toHaveText('Gäst');
	await expect(anonymous.locator('.article-body')).toContainText('<script>alert(1)</script>');
	await expectAccessible(anonymous);
	// Not public: the other article stays closed to those signed out.
	expect((await anonymous.goto(`/hjalp/${ORG}/e2e-projektor`))?.status()).toBe(404);
	await context.close();
});
