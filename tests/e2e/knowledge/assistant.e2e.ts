/**
 * The FAQ assistant (issue 15 item 4): the administrator publishes an article; a staff member asks in other words
 * (without å/ä/ö) and gets a quoted passage with a link to the article and its date, says it helped; asks something
 * the knowledge base does not answer and follows "Skapa ett ärende med frågan" to a filing form filled in with the
 * question, files it, and the conversation shows the case. Without JavaScript the thread is kept in the address and
 * a "no" hands the passages over too. One page in English; the reviewers' list of kept conversations; axe on each.
 */
import { expect, test, type Browser } from '@playwright/test';
import { expectAccessible } from '../axe';
import { addPersonWithRole, addSchoolUnit, setPasswordByMail, signIn, signInAsAdmin, TEST_ORG } from '../helpers';

test.describe.configure({ mode: 'serial' });

const ORG = TEST_ORG.slug;
const STAMP = Date.now().toString(36);
const UNIT = { name: 'Keramikskolan', code: '93320427' };
const STAFF = { name: 'Kim Keramik', email: `kim.${STAMP}@assistent.exempel.se`, role: 'Personal' };
const PASSWORD = 'ett långt lösenord för assistenten';
// Words no other suite uses: the kiln in the craft room.
const TITLE = `Keramikugnen i slöjdsalen startar inte ${STAMP}`;
const ANSWER = 'Stäng locket ordentligt och håll in startknappen i tre sekunder, så startar bränningen.';
const BODY = [
	'## Felkod på panelen',
	'',
	`Keramikugnens panel visar felkod E7 när locket inte är stängt. ${ANSWER}`,
	'',
	'## Glasyr',
	'',
	'Glasyren ska torka ett dygn innan föremålen ställs in i ugnen, annars kan den spricka.'
].join('\n');
const ASKED = 'varfor startar inte keramikugnen i slojdsalen, den visar felkod';
const UNANSWERABLE = 'vilken farg har glassbilen pa fredagar';
const DATE = /\(uppdaterad \d{1,2} [a-zåäö]+\.? \d{4}\)/;

let articlePath = '';

async function staffPage(browser: Browser, javaScriptEnabled = true) {
	const context = await browser.newContext({ javaScriptEnabled });
	const page = await context.newPage();
	await signIn(page, STAFF.email, PASSWORD);
	return page;
}

test('the administrator publishes an article about the kiln', async ({ page, browser }) => {
	test.setTimeout(120_000);
	await signInAsAdmin(page);
	await addSchoolUnit(page, ORG, UNIT);
	await addPersonWithRole(page, STAFF, UNIT.name);
	await setPasswordByMail(browser, STAFF.email, PASSWORD);
	await page.goto(`/${ORG}/hjalp/ny`);
	await page.getByLabel('Rubrik', { exact: true }).fill(TITLE);
	await page.getByLabel('Text', { exact: true }).fill(BODY);
	await page.getByLabel('Sökord').fill('keramikugn, bränning');
	await page.getByLabel('Status').selectOption('published');
	await page.getByRole('button', { name: 'Spara artikeln' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	articlePath = new URL(page.url()).pathname;
});

test('a staff member asks in other words, gets the quoted passage with its source and says it helped', async ({ browser }) => {
	const page = await staffPage(browser);
	await page.goto(`/${ORG}/assistent`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fråga assistenten');
	await expect(page.getByText('Ställ en fråga så letar assistenten i självhjälpen.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Sparade samtal' })).toHaveCount(0);
	await expectAccessible(page);

	// An empty question is refused beside the field.
	await page.getByRole('button', { name: 'Fråga', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('Skriv en fråga');
	await expect(page.locator('#question-error')).toContainText('Skriv en fråga');

	await page.getByLabel('Din fråga').fill(ASKED);
	await page.getByRole('button', { name: 'Fråga', exact: true }).click();
	await expect(page).toHaveURL(/\?samtal=[0-9a-f-]{36}/);
	const turn = page.locator('.turn').last();
	await expect(turn.getByRole('heading', { level: 3 })).toContainText(ASKED);
	await expect(turn.locator('blockquote').first()).toContainText(ANSWER);
	const source = turn.locator('figcaption').first();
	await expect(source).toContainText(`Källa: ${TITLE}`);
	await expect(source).toContainText(DATE);
	await expect(source.getByRole('link', { name: TITLE })).toHaveAttribute('href', articlePath);
	// The new answer is announced and has focus; the question box is empty for the next question.
	await expect(page.locator('.announce')).toHaveText(`Nytt svar på frågan ”${ASKED}”.`);
	await expect(turn).toBeFocused();
	await expect(page.getByLabel('Din fråga')).toHaveValue('');
	await expect(turn.getByRole('link', { name: 'Skapa ett ärende med frågan' })).toHaveCount(0);
	await expectAccessible(page);

	await turn.getByRole('button', { name: 'Ja' }).click();
	await expect(page.getByRole('status')).toHaveText('Tack för ditt svar!');
	await expect(page.locator('.turn').last().getByText('Du har svarat att det hjälpte.')).toBeVisible();

	// Something the knowledge base does not answer: nothing is quoted and a case is offered.
	await page.getByLabel('Din fråga').fill(UNANSWERABLE);
	await page.getByRole('button', { name: 'Fråga', exact: true }).click();
	const open = page.locator('.turn').last();
	await expect(open.getByRole('heading', { level: 3 })).toContainText(UNANSWERABLE);
	await expect(open.getByText('Assistenten hittade inget i självhjälpen som säkert svarar på frågan.')).toBeVisible();
	await expect(open.locator('blockquote')).toHaveCount(0);
	await expect(page.locator('.turn')).toHaveCount(2);
	await expectAccessible(page);
	const thread = new URL(page.url()).search;

	await open.getByRole('link', { name: 'Skapa ett ärende med frågan' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anmäl ett ärende');
	await expect(page.getByText('Ärendet är ifyllt med din fråga till assistenten')).toBeVisible();
	await expect(page.getByLabel('Rubrik')).toHaveValue(UNANSWERABLE);
	await expect(page.getByLabel('Vad har hänt?')).toHaveValue(new RegExp(`Min fråga till assistenten: ${UNANSWERABLE}`));
	await expectAccessible(page);
	await page.getByLabel('Teknisk support').check();
	await page.getByRole('button', { name: 'Skicka ärendet' }).click();
	await expect(page).toHaveURL(/\/support\/\d+\?anmalt/);
	const number = new URL(page.url()).pathname.split('/').pop();

	await page.goto(`/${ORG}/assistent${thread.split('#')[0]}`);
	await expect(page.getByText(`Samtalet blev ärende ${number}.`)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Skapa ett ärende med frågan' })).toHaveCount(0);
	await page.context().close();
});

test('without JavaScript the thread is kept in the address, and a "no" hands the quoted passage over to a case', async ({ browser }) => {
	const page = await staffPage(browser, false);
	await page.goto(`/${ORG}/assistent`);
	await page.getByLabel('Din fråga').fill('keramikugnen felkod locket');
	await page.getByRole('button', { name: 'Fråga', exact: true }).click();
	await expect(page).toHaveURL(/\?samtal=[0-9a-f-]{36}/);
	await expect(page.locator('.turn blockquote').first()).toContainText(ANSWER);
	await page.getByLabel('Din fråga').fill('ska glasyren torka innan ugnen');
	await page.getByRole('button', { name: 'Fråga', exact: true }).click();
	await expect(page.locator('.turn')).toHaveCount(2);
	const second = page.locator('.turn').last();
	await expect(second.locator('blockquote').first()).toContainText('Glasyren ska torka ett dygn');
	// An empty question is refused beside the field, and the thread stays.
	await page.getByRole('button', { name: 'Fråga', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('Skriv en fråga');
	await expect(page.locator('.turn')).toHaveCount(2);
	// (axe runs in the page's JavaScript, so it checks these pages in the tests with JavaScript on.)

	await page.locator('.turn').first().getByRole('button', { name: 'Nej' }).click();
	await expect(page.getByRole('status')).toHaveText('Tack för ditt svar!');
	const first = page.locator('.turn').first();
	await expect(first.getByText('Du har svarat att det inte hjälpte.')).toBeVisible();
	await first.getByRole('link', { name: 'Skapa ett ärende med frågan' }).click();
	await expect(page.getByLabel('Rubrik')).toHaveValue('keramikugnen felkod locket');
	const description = page.getByLabel('Vad har hänt?');
	await expect(description).toHaveValue(new RegExp(`> [^\\n]*${ANSWER.replace(/[.,]/g, '.')}`));
	await expect(description).toHaveValue(new RegExp(`Källa: ${TITLE} \\(uppdaterad [^)]+\\) /${ORG}/hjalp/`));
	await expect(description).toHaveValue(/Det hjälpte inte\./);
	await page.context().close();
});

test('the assistant in English', async ({ browser }) => {
	const page = await staffPage(browser);
	await page.goto(`/${ORG}/assistent`);
	await page.getByRole('button', { name: 'In English' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ask the assistant');
	await page.getByLabel('Your question').fill('keramikugnen startknappen');
	await page.getByRole('button', { name: 'Ask', exact: true }).click();
	const turn = page.locator('.turn').last();
	await expect(turn.locator('figcaption').first()).toContainText(`Source: ${TITLE} (updated`);
	await expect(turn.getByRole('group', { name: 'Did it help?' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'På svenska' }).click();
	await page.context().close();
});

test('the administrator reads the kept conversations, the unanswered ones on their own', async ({ page, browser }) => {
	await signInAsAdmin(page);
	await page.goto(`/${ORG}/assistent`);
	await page.getByRole('link', { name: 'Sparade samtal' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sparade samtal med assistenten');
	await page.getByLabel('Visa').selectOption('unanswered');
	await page.getByRole('button', { name: 'Visa', exact: true }).click();
	await expect(page).toHaveURL(/visa=unanswered/);
	const conversation = page.locator('section.conversation').filter({ hasText: UNANSWERABLE }).first();
	await expect(conversation.getByRole('cell', { name: UNANSWERABLE })).toBeVisible();
	await expect(conversation).toContainText(`Frågade: ${STAFF.name}`);
	await expect(conversation.getByRole('link', { name: /Ärende \d+/ })).toBeVisible();
	await expect(page.locator('section.conversation').filter({ hasText: 'ska glasyren torka innan ugnen' })).toHaveCount(0);
	await expectAccessible(page);

	// A staff member may not read them, nor open the administrator's own conversation; junk in the address is shrugged off.
	await page.goto(`/${ORG}/assistent`);
	await page.getByLabel('Din fråga').fill('keramikugnen glasyren');
	await page.getByRole('button', { name: 'Fråga', exact: true }).click();
	await expect(page).toHaveURL(/\?samtal=[0-9a-f-]{36}/);
	const adminThread = new URL(page.url()).search.split('#')[0];
	const staff = await staffPage(browser);
	expect((await staff.goto(`/${ORG}/assistent/samtal`))?.status()).toBe(403);
	expect((await staff.goto(`/${ORG}/assistent${adminThread}`))?.status()).toBe(404);
	expect((await staff.goto(`/${ORG}/assistent?samtal=%3Cscript%3E`))?.status()).toBe(200);
	await staff.context().close();
});
