/**
 * The preventive line's workbench (issue 15, item 7): central technical support sees the demo's user errors grouped
 * by category and month and the solved cases flagged as self-help material, records a training for a cluster (a
 * missing choice is refused beside the field with the note kept) and, without JavaScript, a decision for a case.
 */
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const CENTRAL = planDemo().people.find((p) => p.signIn === 'central_technical_support')!;
const RUN = Date.now().toString(36);

test('central support records a training for a cluster of user errors; a missing choice keeps the note', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, CENTRAL.email, DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}/hjalp`);
	await page.getByRole('link', { name: 'Förebyggande arbete' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Förebyggande arbete');
	const clusters = page.getByRole('table', { name: 'Handhavandefel per kategori och månad' });
	await expect(clusters.getByRole('row').nth(1)).toBeVisible();
	await expect(page.getByRole('table', { name: 'Ärenden som bör bli självhjälp' }).getByRole('row').nth(1)).toBeVisible();
	await expectAccessible(page);

	const link = clusters.getByRole('link', { name: /^Registrera vad som gjordes för / }).first();
	const about = (await link.innerText()).replace('Registrera vad som gjordes för ', '');
	await link.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registrera vad som gjordes');
	const note = `Genomgång på APT ${RUN}`;
	await page.getByLabel('Anteckning').fill(note);
	await page.getByRole('button', { name: 'Registrera' }).click();
	await expect(page.getByRole('alert')).toContainText('Välj vad som gjordes.');
	await expect(page.getByLabel('Anteckning')).toHaveValue(note);
	await expectAccessible(page);

	await page.getByLabel('Vad gjordes?').selectOption({ label: 'Utbildning hållen' });
	await page.getByRole('button', { name: 'Registrera' }).click();
	await expect(page.getByRole('status')).toHaveText('Det som gjordes är registrerat.');
	const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `Registrera vad som gjordes för ${about}` }) });
	await expect(row).toContainText(`Utbildning hållen – ${note}`);
});

test('without JavaScript a decision for a flagged case is recorded, and the workbench reads in English', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, locale: 'sv-SE' });
	const page = await context.newPage();
	await signIn(page, CENTRAL.email, DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}/hjalp/forebyggande`);
	const flagged = page.getByRole('table', { name: 'Ärenden som bör bli självhjälp' });
	await flagged
		.getByRole('link', { name: /^Registrera vad som gjordes för ärende \d+$/ })
		.first()
		.click();
	await page.getByLabel('Vad gjordes?').selectOption({ label: 'Ingen åtgärd behövs' });
	await page.getByLabel('Anteckning').fill(`Engångsfel ${RUN}`);
	await page.getByRole('button', { name: 'Registrera' }).click();
	await expect(page.getByRole('status')).toHaveText('Det som gjordes är registrerat.');
	await expect(page.getByText(`Ingen åtgärd behövs – Engångsfel ${RUN}`)).toBeVisible();

	await page.getByRole('button', { name: 'In English' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Preventive work');
	await expect(page.getByRole('table', { name: 'User errors by category and month' })).toBeVisible();
	await context.close();
});
