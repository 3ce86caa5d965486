/**
 * Effect chains: the administrator adds a unit and an action in its plan, starts an effect chain for the unit,
 * adds a result, links the action and adds a computed self-assessment indicator (a target without a baseline is
 * refused beside the field, with the input kept); the chain shows as a diagram with a table beside it, the
 * action's page names the chain, and the chain page reads in English. Then an indicator is removed and, without
 * JavaScript, a result: each removal asks first (a box to tick beside the button that names what goes).
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from '../axe';
import { addSchoolUnit, signInAsAdmin, TEST_ORG } from '../helpers';

test.describe.configure({ mode: 'serial' });

const ORG = TEST_ORG.slug;
const UNIT = { name: 'Effektskolan', code: '93350017' };
const ACTION = 'Workshop om källkritik för arbetslagen';
const CHAIN = 'Källkritiska elever på Effektskolan';
const RESULT = 'Alla arbetslag har en plan för källkritik';

test('the administrator builds an effect chain for a unit with a result, a linked action and a computed indicator', async ({ page }) => {
	test.setTimeout(120_000);
	await signInAsAdmin(page);
	await addSchoolUnit(page, ORG, UNIT);

	await page.goto(`/${ORG}/planering/ny`);
	await page.getByLabel('Plan', { exact: true }).selectOption({ label: UNIT.name });
	await page.getByLabel('Vad ska göras?').fill(ACTION);
	await page.getByLabel('Timmar').fill('6');
	await page.getByRole('button', { name: 'Lägg till aktiviteten' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(ACTION);
	const actionPath = new URL(page.url()).pathname;

	await page.goto(`/${ORG}/planering`);
	await page.getByRole('link', { name: 'Effektkedjor' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Effektkedjor');
	await page.getByRole('link', { name: 'Ny effektkedja' }).click();
	await page.getByLabel('Gäller').selectOption({ label: UNIT.name });
	await page.getByLabel('Namn på kedjan').fill(CHAIN);
	await page.getByRole('button', { name: 'Skapa effektkedjan' }).click();
	await expect(page.getByRole('alert')).toContainText('Skriv vilken effekt ni vill se');
	await expect(page.getByLabel('Namn på kedjan')).toHaveValue(CHAIN);
	await page.getByLabel(/^Effekt: vad ska bli annorlunda/).fill('Eleverna granskar själva vem som står bakom en källa');
	await page.getByRole('button', { name: 'Skapa effektkedjan' }).click();
	await expect(page.getByRole('status')).toContainText('Effektkedjan är skapad');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(CHAIN);
	const chainPath = new URL(page.url()).pathname;

	await page.getByLabel(/^Resultat: vad måste vara sant/).fill(RESULT);
	await page.getByRole('button', { name: 'Lägg till resultatet' }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringen är sparad.');

	await page
		.getByLabel('Steg', { exact: true })
		.first()
		.selectOption({ label: `Resultat: ${RESULT}` });
	const actionSelect = page.getByLabel('Aktivitet', { exact: true });
	await actionSelect.selectOption((await actionSelect.locator('option', { hasText: ACTION }).getAttribute('value'))!);
	await page.getByRole('button', { name: 'Koppla aktiviteten' }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringen är sparad.');

	// A target without a baseline: refused beside the field, what was typed is kept, nothing is added.
	const form = page.locator('form[action="?/indicator"]');
	await form.getByLabel('Steg', { exact: true }).selectOption({ label: `Resultat: ${RESULT}` });
	await form.getByLabel('Namn på indikatorn').fill('Personalens medelnivå i delmål 1.1');
	// Only the fields of the chosen kind are shown: a lead time asks for a line, a self-assessment mean for a sub-goal.
	await form.getByLabel('Vad mäts?').selectOption('support_lead_time');
	await expect(form.getByLabel(/^Delmål eller påstående/)).toBeHidden();
	await expect(form.getByLabel(/^Aspekt/)).toBeHidden();
	await expect(form.getByLabel(/^Linje/)).toBeVisible();
	await form.getByLabel('Vad mäts?').selectOption('assessment_mean');
	await expect(form.getByLabel(/^Linje/)).toBeHidden();
	await form.getByLabel(/^Delmål eller påstående/).selectOption('nationella-strategin:1.1');
	await form.getByLabel(/^Grupp som svarar/).selectOption('staff');
	await form.getByLabel('Mål, värde').fill('3');
	await form.getByLabel('Mål, datum').fill('2027-06-30');
	await form.getByRole('button', { name: 'Lägg till indikatorn' }).click();
	const target = page.locator('.field').filter({ has: page.getByLabel('Mål, värde') });
	await expect(target.locator('.error-message')).toContainText('Ett mål behöver ett utgångsläge');
	await expect(page.getByLabel('Mål, värde')).toHaveValue('3');
	await expect(page.getByLabel('Namn på indikatorn')).toHaveValue('Personalens medelnivå i delmål 1.1');
	await expect(page.getByRole('row').filter({ hasText: 'Personalens medelnivå' })).toHaveCount(0);
	await expectAccessible(page);

	await page.getByLabel('Utgångsläge, värde').fill('2,1');
	await page.getByLabel('Utgångsläge, datum').fill('2026-06-15');
	await page.getByRole('button', { name: 'Lägg till indikatorn' }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringen är sparad.');

	// The diagram and the table beside it.
	const diagram = page.getByRole('img', { name: `Effektkedjan ${CHAIN} som diagram` });
	await expect(diagram).toBeVisible();
	await expect(diagram.locator('text').filter({ hasText: /^Aktiviteter$/ })).toHaveCount(1);
	// Box text is wrapped into lines (tspans); the first line of the action's title is enough here.
	await expect(diagram).toContainText('Workshop om källkritik');
	const table = page.getByRole('table', { name: 'Effektkedjans steg med aktiviteter och indikatorer' });
	const row = table.getByRole('row').filter({ hasText: 'Personalens medelnivå i delmål 1.1' });
	await expect(row).toContainText('Medelnivå i självskattningen från Personal för delmål 1.1');
	await expect(row).toContainText('2,1');
	await expect(row).toContainText('för lite underlag');
	await expect(table.getByRole('link', { name: ACTION })).toBeVisible();
	await expect(table).toContainText('6 timmar');
	await expectAccessible(page);

	// The action's page names the chain it belongs to.
	await page.goto(actionPath);
	await expect(page.getByRole('heading', { name: 'Effektkedjor' })).toBeVisible();
	await page.getByRole('link', { name: new RegExp(`^${CHAIN} – resultat`) }).click();
	await expect(page).toHaveURL(new RegExp(`${chainPath}$`));

	// The list, and the chain page in English.
	await page.goto(`/${ORG}/planering/effektkedjor`);
	await expect(page.getByRole('row').filter({ hasText: CHAIN })).toContainText(UNIT.name);
	await expectAccessible(page);
	await page.goto(chainPath);
	await page.getByRole('button', { name: 'In English' }).click();
	await expect(page.getByRole('table', { name: 'Steps of the effect chain with activities and indicators' })).toContainText(
		'too little data'
	);
	await expect(page.getByRole('img', { name: `The effect chain ${CHAIN} as a diagram` })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'På svenska' }).click();
});

test('the administrator removes an indicator and then, without JavaScript, a result; each asks first; the effect cannot be removed', async ({
	browser,
	page
}) => {
	await signInAsAdmin(page);
	await page.goto(`/${ORG}/planering/effektkedjor`);
	await page.getByRole('link', { name: CHAIN }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(CHAIN);
	const chainPath = new URL(page.url()).pathname;
	const table = page.getByRole('table', { name: 'Effektkedjans steg med aktiviteter och indikatorer' });
	await table.getByRole('link', { name: 'Ändra eller mät indikatorn Personalens medelnivå i delmål 1.1' }).click();
	await expectAccessible(page);
	const removeIndicator = page.getByRole('button', { name: 'Ta bort indikatorn ”Personalens medelnivå i delmål 1.1”' });
	await removeIndicator.click();
	const confirm = page.locator('.field').filter({ has: page.getByRole('checkbox', { name: /^Ja, ta bort indikatorn/ }) });
	await expect(confirm.locator('.error-message')).toContainText('Kryssa i rutan om du vill ta bort det');
	await expectAccessible(page);
	await page.getByRole('checkbox', { name: 'Ja, ta bort indikatorn ”Personalens medelnivå i delmål 1.1” med dess mätningar' }).check();
	await removeIndicator.click();
	await expect(page.getByRole('status')).toHaveText('Ändringen är sparad.');
	await expect(table).not.toContainText('Personalens medelnivå i delmål 1.1');

	const context = await browser.newContext({ javaScriptEnabled: false });
	const plain = await context.newPage();
	await signInAsAdmin(plain);
	await plain.goto(chainPath);
	const plainTable = plain.getByRole('table', { name: 'Effektkedjans steg med aktiviteter och indikatorer' });
	await plainTable.getByRole('link', { name: `Ändra resultat: ${RESULT}` }).click();
	await plain.getByRole('checkbox', { name: `Ja, ta bort resultatet ”${RESULT}” med dess indikatorer` }).check();
	await plain.getByRole('button', { name: `Ta bort resultatet ”${RESULT}”` }).click();
	await expect(plain.getByRole('status')).toHaveText('Ändringen är sparad.');
	await expect(plainTable).not.toContainText(RESULT);
	// The action stays in its plan; the effect's own page offers no removal.
	await expect(plain.getByRole('heading', { level: 1 })).toHaveText(CHAIN);
	await plainTable.getByRole('link', { name: /^Ändra effekt:/ }).click();
	await expect(plain.getByRole('button', { name: /^Ta bort/ })).toHaveCount(0);
	await context.close();
});
