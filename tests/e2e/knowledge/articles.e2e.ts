/**
 * Self-help articles (issue 15 item 1): the administrator writes an article (a missing title is refused beside the
 * field with the text kept; script tags and javascript: links in the text stay harmless) and publishes it; a staff
 * member finds it by searching in their own words, reads it and says it helped. The editor works without
 * JavaScript (a cheat sheet's file too), and every change of text is a version in the history. The organizer's own
 * synonyms make a new word find the article.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from '../axe';
import { addPersonWithRole, addSchoolUnit, setPasswordByMail, signIn, signInAsAdmin, TEST_ORG } from '../helpers';

test.describe.configure({ mode: 'serial' });

const ORG = TEST_ORG.slug;
const STAMP = Date.now().toString(36);
const UNIT = { name: 'Hjälpskolan', code: '93320151' };
const STAFF = { name: 'Sara Självhjälp', email: `sara.${STAMP}@hjalp.exempel.se`, role: 'Personal' };
const PASSWORD = 'ett långt lösenord för självhjälpen';
const TITLE = `Projektorn i aulan visar ingen bild ${STAMP}`;
const BODY = [
	'## Gör så här',
	'',
	'1. Kontrollera att kabeln sitter i datorn.',
	'2. Tryck på **Källa** på fjärrkontrollen tills bilden syns.',
	'',
	'<script>alert(1)</script> [Fuska](javascript:alert(2))'
].join('\n');

let articlePath = '';

test('the administrator writes and publishes an article; a missing title is refused with the text kept', async ({ page, browser }) => {
	test.setTimeout(120_000);
	await signInAsAdmin(page);
	await addSchoolUnit(page, ORG, UNIT);
	await addPersonWithRole(page, STAFF, UNIT.name);
	await setPasswordByMail(browser, STAFF.email, PASSWORD);

	await page.goto(`/${ORG}`);
	await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Självhjälp' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Självhjälp');
	await expect(page.getByRole('link', { name: 'Importera artiklar' })).toHaveAttribute('href', `/${ORG}/hjalp/importera`);
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Skriv en artikel' }).click();
	await page.getByLabel('Text', { exact: true }).fill(BODY);
	await page.getByLabel('Sökord').fill('projektor, bild');
	await page.getByLabel('Status').selectOption('published');
	await page.getByRole('button', { name: 'Spara artikeln' }).click();
	const title = page.locator('.field').filter({ has: page.getByLabel('Rubrik', { exact: true }) });
	await expect(title.locator('.error-message')).toContainText('Skriv en rubrik');
	await expect(page.getByRole('alert')).toContainText('Skriv en rubrik');
	await expect(page.getByLabel('Text', { exact: true })).toHaveValue(BODY);
	await expect(page.getByLabel('Sökord')).toHaveValue('projektor, bild');
	await expect(page.getByLabel('Status')).toHaveValue('published');
	await expectAccessible(page);

	await page.getByLabel('Rubrik', { exact: true }).fill(TITLE);
	await page.getByRole('button', { name: 'Spara artikeln' }).click();
	await expect(page.getByRole('status')).toHaveText('Artikeln är sparad.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	await expect(page.getByRole('heading', { level: 2, name: 'Gör så här' })).toBeVisible();
	await expect(page.getByText('<script>alert(1)</script>', { exact: false })).toBeVisible();
	await expect(page.locator('article a[href^="javascript"]')).toHaveCount(0);
	articlePath = new URL(page.url()).pathname;
	await expectAccessible(page);
	await page.goto(`${articlePath}/historik?version=1`);
	await expect(page.getByRole('heading', { level: 2 })).toContainText('Version 1');
	await expectAccessible(page);
});

test('a staff member finds the article in their own words, reads it and says it helped', async ({ page }) => {
	await signIn(page, STAFF.email, PASSWORD);
	await page.goto(`/${ORG}/hjalp`);
	await expect(page.getByRole('link', { name: 'Skriv en artikel' })).toHaveCount(0);
	await page.getByLabel('Sök i självhjälpen').fill(`projektorn kabeln ${STAMP}`);
	await page.getByRole('button', { name: 'Sök' }).click();
	await expect(page.getByRole('heading', { level: 2, name: /^Träffar för/ })).toBeVisible();
	const first = page.locator('.article-list li').first();
	await expect(first.getByRole('link')).toHaveText(TITLE);
	await expect(first.locator('mark')).toHaveText(['kabeln']);
	await expectAccessible(page);

	await first.getByRole('link', { name: TITLE }).click();
	await expect(page).toHaveURL(new RegExp(`${articlePath}$`));
	await expect(page.getByRole('link', { name: 'Ändra artikeln' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Skriv ett ärende' })).toHaveAttribute('href', `/${ORG}/support/ny`);
	await page.getByRole('button', { name: 'Ja, det hjälpte' }).click();
	await expect(page.getByRole('status')).toHaveText('Tack för ditt svar!');
	await expect(page.getByText('Du har svarat att den hjälpte.')).toBeVisible();
	await expect(page.getByText('1 ja och 0 nej hittills.')).toBeVisible();
	await expectAccessible(page);

	// A malformed address is simply not there.
	expect((await page.goto(`/${ORG}/hjalp/%3Cscript%3E`))?.status()).toBe(404);
});

test('without JavaScript the editor refuses an empty title, keeps the text, and the change becomes version 2', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signInAsAdmin(page);
	await page.goto(`${articlePath}/redigera`);
	await page.getByLabel('Rubrik', { exact: true }).fill('');
	await page.getByLabel('Text', { exact: true }).fill(`${BODY}\n\nStarta om projektorn om inget hjälper.`);
	await page.getByRole('button', { name: 'Spara ändringen' }).click();
	await expect(page.getByRole('alert')).toContainText('Skriv en rubrik');
	await expect(page.getByLabel('Text', { exact: true })).toHaveValue(`${BODY}\n\nStarta om projektorn om inget hjälper.`);
	await page.getByLabel('Rubrik', { exact: true }).fill(`${TITLE} (uppdaterad)`);
	await page.getByRole('button', { name: 'Spara ändringen' }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringen är sparad.');
	await expect(page.getByText('Starta om projektorn om inget hjälper.')).toBeVisible();

	// A cheat sheet as PDF, uploaded without JavaScript, is offered for download on the article.
	await page.getByRole('link', { name: 'Ändra artikeln' }).click();
	await page
		.getByLabel('Lägg till en fil')
		.setInputFiles({ name: 'lathund.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') });
	await page.getByRole('button', { name: 'Ladda upp filen' }).click();
	await expect(page.getByRole('status')).toHaveText('Filen är tillagd.');
	await page.getByRole('link', { name: 'Tillbaka till artikeln' }).click();
	await expect(page.getByRole('link', { name: 'lathund.pdf' })).toBeVisible();

	await page.getByRole('link', { name: 'Tidigare versioner' }).click();
	await expect(page.getByRole('row')).toHaveCount(3);
	await page.getByRole('link', { name: 'Visa version 1' }).click();
	await expect(page.getByRole('heading', { level: 2 })).toContainText('Version 1');
	await expect(page.getByText('Starta om projektorn om inget hjälper.')).toHaveCount(0);
	await context.close();
});

test('the administrator adds words that mean the same, and a search with the new word finds the article', async ({ page }) => {
	await signInAsAdmin(page);
	await page.goto(`/${ORG}/hjalp`);
	await page.getByRole('link', { name: 'Ord som betyder samma sak' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ord som betyder samma sak');
	await expect(page.getByText('ipad')).toBeVisible();

	await page.getByLabel('Ord i gruppen').fill('beamer');
	await page.getByRole('button', { name: 'Lägg till gruppen' }).click();
	const field = page.locator('.field').filter({ has: page.getByLabel('Ord i gruppen') });
	await expect(field.locator('.error-message')).toContainText('Skriv minst två olika ord');
	await expect(page.getByLabel('Ord i gruppen')).toHaveValue('beamer');
	await expectAccessible(page);

	await page.getByLabel('Ord i gruppen').fill('Beamer, projektor');
	await page.getByRole('button', { name: 'Lägg till gruppen' }).click();
	await expect(page.getByRole('status')).toHaveText('Gruppen är tillagd.');
	await expect(page.getByRole('listitem').filter({ hasText: 'beamer, projektor' })).toBeVisible();
	await expectAccessible(page);

	await page.goto(`/${ORG}/hjalp?q=beamer`);
	await expect(page.getByRole('link', { name: new RegExp(TITLE) })).toBeVisible();

	await page.goto(`/${ORG}/hjalp/synonymer`);
	await page.getByRole('button', { name: 'Ta bort gruppen beamer, projektor' }).click();
	await expect(page.getByRole('status')).toHaveText('Gruppen är borttagen.');
	await expect(page.getByText('Ni har inga egna grupper ännu', { exact: false })).toBeVisible();
});
