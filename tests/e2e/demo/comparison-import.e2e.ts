/**
 * Comparison values (issue 20 item 5, decision 063): the administrator sees the demo's Kolada values by key figure
 * with source, period and unit; a file with another municipality's code and another unit of measure is refused row by
 * row beside the column, with no way to confirm, and nothing of it reaches the list. Axe on each page.
 */
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const ADMIN = planDemo().people.find((p) => p.signIn?.startsWith('org_admin'))!;
const RUN = Date.now().toString(36).toUpperCase();

test('a comparison file with a bad row shows the problem beside the column and writes nothing', async ({ page }) => {
	test.setTimeout(90_000);
	await signIn(page, ADMIN.email, DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}/uppfoljning/jamforelsevarden`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jämförelsevärden');
	await expect(page.getByRole('heading', { name: /^N90101 / })).toBeVisible();
	await expect(page.getByRole('table', { name: 'Värden för N90101 per period och område' })).toContainText('Kommunen (0199)');
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Importera jämförelsevärden' }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Importera jämförelsevärden');
	await expectAccessible(page);
	const file = `Nyckeltal-id;Nyckeltal;Kommun-id;År;Kön;Värde;Måttenhet
X${RUN};Provtal;0199;2024;T;12,5;procent
X${RUN};Provtal;0180;2024;T;13;procent
N90101;Förlorade lektioner;0199;2023;T;4;procent`;
	await page
		.getByLabel('Fil med jämförelsevärden')
		.setInputFiles({ name: 'kolada.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf-8') });
	await page.getByRole('button', { name: 'Ladda upp och förhandsgranska' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Förhandsgranska jämförelsevärden');
	const rows = page.getByRole('table', { name: 'Filens rader och vad som händer med dem' });
	await expect(rows.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '3' }) })).toContainText(
		'Kommun-id: Kommunkoden 0180 är inte er. Er kommunkod är 0199.'
	);
	await expect(rows.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '4' }) })).toContainText(
		'Måttenhet: Nyckeltalet N90101 har redan måttenheten per 100 elever, men raden anger procent.'
	);
	await expect(page.getByText('2 rader har fel.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Importera', exact: true })).toHaveCount(0);
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Tillbaka till jämförelsevärden' }).click();
	await expect(page.getByRole('heading', { name: new RegExp(`^X${RUN}`) })).toHaveCount(0);
});
