/**
 * Vision and the common framework (issue 13, part 2a): the organization administrator writes the vision with
 * two strategic goals (an empty title is refused beside the field with the input kept), fills the financing
 * matrix, defines a concept and redefines it (the earlier meaning stays), renames and removes another (the old
 * name stays in its history; removal asks first), and ties an action to a goal, which
 * the vision page then counts. A reader (a politician) reads it all, in English too, but edits nothing.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from '../axe';
import { addPersonWithRole, setPasswordThroughOutbox, signIn, signInAsAdmin, TEST_ORG } from '../helpers';

test.describe.configure({ mode: 'serial' });

const ORG = TEST_ORG.slug;
const STAMP = Date.now().toString(36);
const READER = { name: 'Lisa Läsare', email: `lisa.${STAMP}@vision.exempel.se`, role: 'Läsbehörighet' };
const PASSWORD = 'ett långt lösenord för visionen';
const GOAL_1 = `Likvärdig digital kompetens ${STAMP}`;
const GOAL_2 = `Support som fungerar ${STAMP}`;
const CONCEPT = `Digital kompetens ${STAMP}`;
const ACTION = `Fortbildning för alla lärare ${STAMP}`;

test('the administrator writes the vision and two strategic goals; an empty title is refused beside the field', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	await signInAsAdmin(page);
	await addPersonWithRole(page, READER, 'Hela huvudmannen');
	await setPasswordThroughOutbox(browser, page, READER.email, PASSWORD);

	await page.goto(`/${ORG}/planering`);
	await page.getByRole('link', { name: 'Vision och strategiska mål' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vision och strategiska mål');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Ändra visionen' }).click();
	await page.getByLabel('Vision', { exact: true }).fill(`Alla elever lär med digitala verktyg (${STAMP}).`);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Spara' }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringen är sparad.');
	await expect(page.getByText(`Alla elever lär med digitala verktyg (${STAMP}).`)).toBeVisible();

	await page.getByRole('link', { name: 'Lägg till ett strategiskt mål' }).click();
	await page.getByLabel('Beskrivning').fill('Alla skolor, samma möjligheter.');
	const subGoals = page.getByRole('group', { name: /^Delmål i / }).first();
	await subGoals.getByRole('checkbox').nth(1).check();
	await page.getByRole('button', { name: 'Spara' }).click();
	const title = page.locator('.field').filter({ has: page.getByLabel('Mål', { exact: true }) });
	await expect(title.locator('.error-message')).toContainText('Skriv målet');
	await expect(page.getByRole('alert')).toContainText('Skriv målet');
	await expect(page.getByLabel('Beskrivning')).toHaveValue('Alla skolor, samma möjligheter.');
	await expect(
		page
			.getByRole('group', { name: /^Delmål i / })
			.first()
			.getByRole('checkbox')
			.nth(1)
	).toBeChecked();
	await expectAccessible(page);
	await page.getByLabel('Mål', { exact: true }).fill(GOAL_1);
	await page.getByRole('button', { name: 'Spara' }).click();
	await expect(page.getByRole('heading', { name: GOAL_1 })).toBeVisible();

	await page.getByRole('link', { name: 'Lägg till ett strategiskt mål' }).click();
	await page.getByLabel('Mål', { exact: true }).fill(GOAL_2);
	await page
		.getByRole('group', { name: /^Delmål i / })
		.first()
		.getByRole('checkbox')
		.nth(2)
		.check();
	await page.getByRole('button', { name: 'Spara' }).click();
	await expect(page.getByRole('heading', { name: GOAL_2 })).toBeVisible();
	await expect(page.getByRole('heading', { name: GOAL_1 })).toBeVisible();
	await expectAccessible(page);
});

test('the administrator fills the financing matrix with an own row', async ({ page }) => {
	await signInAsAdmin(page);
	await page.goto(`/${ORG}/planering/ramverk`);
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Ändra ramverket' }).click();
	await page.getByLabel('Likvärdig tillgång').fill('En dator per elev från årskurs 4.');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Spara texterna' }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringen är sparad.');
	await expect(page.getByText('En dator per elev från årskurs 4.')).toBeVisible();

	await page.getByRole('link', { name: 'Ändra ramverket' }).click();
	await page.getByRole('group', { name: 'Vem betalar för Enheter/utrustning?' }).getByLabel('Enheten').check();
	await page.getByLabel('Kommentar om Enheter/utrustning').fill('Skolan leasar själv.');
	await page.getByRole('group', { name: 'Vem betalar för Licenser?' }).getByLabel('Förvaltningen').check();
	const fresh = page.getByRole('group', { name: 'Ny egen rad', exact: true });
	await fresh.getByLabel('Vad raden gäller').fill(`Nätverk ${STAMP}`);
	await fresh
		.getByRole('group', { name: /^Vem betalar/ })
		.getByLabel('IT-avdelningen')
		.check();
	await page.getByRole('button', { name: 'Spara finansieringen' }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringen är sparad.');
	const matrix = page.getByRole('table', { name: 'Vem betalar för vad' });
	await expect(matrix.getByRole('row').filter({ hasText: 'Enheter/utrustning' })).toContainText('Enheten');
	await expect(matrix.getByRole('row').filter({ hasText: 'Enheter/utrustning' })).toContainText('Skolan leasar själv.');
	await expect(matrix.getByRole('row').filter({ hasText: 'Licenser' })).toContainText('Förvaltningen');
	await expect(matrix.getByRole('row').filter({ hasText: `Nätverk ${STAMP}` })).toContainText('IT-avdelningen');

	await page.getByRole('link', { name: 'Ändra ramverket' }).click();
	await expect(page.getByRole('group', { name: 'Vem betalar för Enheter/utrustning?' }).getByLabel('Enheten')).toBeChecked();
	await expect(page.getByLabel(`Kommentar om Nätverk ${STAMP}`)).toHaveValue('');
});

test('the administrator defines a concept and redefines it; the earlier meaning stays', async ({ page }) => {
	await signInAsAdmin(page);
	await page.goto(`/${ORG}/planering/ramverk`);
	await page.getByRole('link', { name: 'Lägg till ett begrepp' }).click();
	await page.getByLabel('Begrepp', { exact: true }).fill(CONCEPT);
	await page.getByLabel('Betydelse hos oss').fill('Att kunna använda datorn.');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Spara' }).click();
	await expect(page.getByRole('heading', { name: CONCEPT })).toBeVisible();

	await page.getByRole('link', { name: `Ändra betydelsen av ”${CONCEPT}”` }).click();
	await expect(page.getByLabel('Betydelse hos oss')).toHaveValue('Att kunna använda datorn.');
	await page.getByLabel('Betydelse hos oss').fill('Att förstå, välja och använda digitala verktyg med omdöme.');
	await page.getByRole('button', { name: 'Spara' }).click();
	const concept = page.getByRole('region', { name: CONCEPT });
	await expect(concept.locator('p.text').first()).toHaveText('Att förstå, välja och använda digitala verktyg med omdöme.');
	await expect(concept.getByRole('heading', { name: 'Tidigare betydelser' })).toBeVisible();
	await expect(concept.getByRole('listitem')).toContainText(['Att kunna använda datorn.']);
	await expectAccessible(page);
});

test('the administrator renames a concept (the old name stays in its history) and then removes it, which asks first', async ({ page }) => {
	const name = `Hybridundervisning ${STAMP}`;
	const renamed = `Fjärr- och närundervisning ${STAMP}`;
	await signInAsAdmin(page);
	await page.goto(`/${ORG}/planering/ramverk/begrepp/ny`);
	await page.getByLabel('Begrepp', { exact: true }).fill(name);
	await page.getByLabel('Betydelse hos oss').fill('Undervisning på plats och på distans samtidigt.');
	await page.getByRole('button', { name: 'Spara' }).click();
	await page.getByRole('link', { name: `Ändra betydelsen av ”${name}”` }).click();

	await page.getByLabel('Nytt namn').fill('');
	await page.getByRole('button', { name: 'Byt namn' }).click();
	const field = page.locator('.field').filter({ has: page.getByLabel('Nytt namn') });
	await expect(field.locator('.error-message')).toContainText('Skriv det nya namnet');
	await expectAccessible(page);
	await page.getByLabel('Nytt namn').fill(renamed);
	await page.getByRole('button', { name: 'Byt namn' }).click();
	const concept = page.getByRole('region', { name: renamed });
	await expect(concept.getByRole('heading', { name: 'Tidigare namn' })).toBeVisible();
	await expect(concept.getByRole('listitem')).toContainText([`”${name}” till`]);
	await expect(concept.locator('p.text').first()).toHaveText('Undervisning på plats och på distans samtidigt.');

	await page.getByRole('link', { name: `Ändra betydelsen av ”${renamed}”` }).click();
	const remove = page.getByRole('button', { name: `Ta bort begreppet ”${renamed}”` });
	await remove.click();
	await expect(page.getByRole('alert')).toContainText('Kryssa i rutan om du vill ta bort det');
	await page.getByRole('checkbox', { name: `Ja, ta bort begreppet ”${renamed}” med alla dess betydelser` }).check();
	await remove.click();
	await expect(page).toHaveURL(new RegExp(`/${ORG}/planering/ramverk\\?sparat$`));
	await expect(page.getByRole('heading', { name: renamed })).toHaveCount(0);
	await expect(page.getByRole('heading', { name: CONCEPT })).toBeVisible();
});

test('an action tied to a goal says so, and the vision page counts it', async ({ page }) => {
	await signInAsAdmin(page);
	await page.goto(`/${ORG}/planering/ny?scope=organizer`);
	await page.getByLabel('Vad ska göras?').fill(ACTION);
	await page.getByLabel('Strategiskt mål').selectOption({ label: GOAL_1 });
	await page.getByRole('button', { name: 'Lägg till aktiviteten' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(ACTION);
	await expect(page.getByRole('link', { name: `Tjänar målet ”${GOAL_1}”` })).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: `Tjänar målet ”${GOAL_1}”` }).click();
	const goal = page.getByRole('region', { name: GOAL_1 });
	await expect(goal).toContainText('Aktiviteter som tjänar målet: 1');
	await expect(goal).toContainText('planerad: 1');
	await expect(goal.getByRole('link', { name: ACTION })).toBeVisible();
	await expect(page.getByRole('region', { name: GOAL_2 })).toContainText('Aktiviteter som tjänar målet: 0');
});

test('a reader reads the vision and the framework, in English too, but may not edit them', async ({ page }) => {
	await signIn(page, READER.email, PASSWORD);
	await page.goto(`/${ORG}/planering/vision`);
	await expect(page.getByRole('heading', { name: GOAL_1 })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Ändra visionen' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Lägg till ett strategiskt mål' })).toHaveCount(0);
	for (const path of ['vision/andra', 'vision/mal/ny', 'ramverk/andra', 'ramverk/begrepp/ny'])
		expect((await page.request.get(`/${ORG}/planering/${path}`)).status(), path).toBe(403);
	const post = await page.request.post(`/${ORG}/planering/ramverk/andra?/financing`, {
		form: { 'payer-devices': 'it' },
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(post.status()).toBe(403);

	await page.goto(`/${ORG}/planering/ramverk`);
	await expect(page.getByRole('link', { name: 'Ändra ramverket' })).toHaveCount(0);
	await page.getByRole('button', { name: 'In English' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Common framework');
	await expect(
		page.getByRole('table', { name: 'Who pays for what' }).getByRole('row').filter({ hasText: 'Devices and equipment' })
	).toContainText('The unit');
	await expect(page.getByRole('heading', { name: 'Earlier meanings' }).first()).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'På svenska' }).click();
});
