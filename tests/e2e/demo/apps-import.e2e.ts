/**
 * Register import (issue 18 item 1): central support uploads a register file with a bad row and
 * sees the row and column of each problem and no way to confirm; the corrected file, without JavaScript, previews one
 * new tool, and confirming puts it in the register.
 */
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const CENTRAL = planDemo().people.find((p) => p.signIn === 'central_technical_support')!;
const RUN = Date.now().toString(36);
const TOOL = `Importverktyg ${RUN}`;
const HEADER = 'Namn;Leverantör;Typ;Skolformer;Inloggning;Personuppgifter;Årskostnad';

test('a register file with a bad row is previewed with its problems; the corrected one is imported', async ({ page, browser }) => {
	test.setTimeout(120_000);
	await signIn(page, CENTRAL.email, DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}/appar/register`);
	await page.getByRole('link', { name: 'Läs in verktyg från en fil' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Läs in verktyg från en fil');
	await expectAccessible(page);

	const upload = async (on: typeof page, text: string) => {
		await on.getByLabel('Fil med verktyg').setInputFiles({ name: 'verktyg.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf-8') });
		await on.getByRole('button', { name: 'Förhandsgranska' }).click();
	};
	await upload(page, `${HEADER}\n${TOOL};Exempelbolaget AB;App;Grundskola;SSO;ja;12 000\nTrasigt ${RUN};;Spel;;;;tolv\n`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Förhandsgranska inläsningen');
	const rows = page.getByRole('table', { name: 'Raderna i filen och vad som händer med dem' });
	const bad = rows.getByRole('row').filter({ hasText: `Trasigt ${RUN}` });
	await expect(bad.getByRole('rowheader')).toHaveText('3');
	await expect(bad).toContainText('Typ: ”Spel” är ingen typ som registret känner till');
	await expect(bad).toContainText('Årskostnad: ”tolv” är inget belopp i hela kronor');
	await expect(page.getByText('Rader med fel: 1. Rätta dem i filen')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Läs in verktygen' })).toHaveCount(0);
	await expectAccessible(page);

	// The corrected file, without JavaScript.
	const plain = await browser.newContext({ javaScriptEnabled: false, locale: 'sv-SE' });
	const noJs = await plain.newPage();
	await signIn(noJs, CENTRAL.email, DEMO_PASSWORD);
	await noJs.goto(`/${DEMO_SLUG}/appar/register/import`);
	await upload(noJs, `${HEADER}\n${TOOL};Exempelbolaget AB;App;Grundskola;SSO;ja;12 000\n`);
	await expect(
		noJs.getByRole('table', { name: 'Raderna i filen och vad som händer med dem' }).getByRole('row').filter({ hasText: TOOL })
	).toContainText('Skapas');
	await noJs.getByRole('button', { name: 'Läs in verktygen' }).click();
	await expect(noJs.getByRole('heading', { level: 1 })).toHaveText('Filen är inläst');
	await expect(noJs.getByRole('status')).toContainText('Nya verktyg: 1. Ändrade: 0. Oförändrade: 0.');
	const done = noJs.url();
	await plain.close();

	await page.goto(done);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Filen är inläst');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Till registret', exact: true }).click();
	await page.getByLabel('Sök på namn eller leverantör').fill(TOOL);
	await page.getByRole('button', { name: 'Sök' }).click();
	await page.getByRole('link', { name: TOOL }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TOOL);
	await expect(page.getByText('12 000 kr per år')).toBeVisible();
});
