/**
 * A supplier team owned by Testkommun that also serves a second organizer: its member works the
 * second organizer's escalated case there, and sees nothing else of that organizer.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from '../axe';
import { setPasswordThroughOutbox, signIn, signInAsAdmin, TEST_ORG } from '../helpers';
import { formsSettled } from '../forms/settled';

test.describe.configure({ mode: 'serial' });

const A = `/${TEST_ORG.slug}`;
const B_NAME = 'Leverantörsby friskola';
/** Administrator of B who is also made administrator of Testkommun, so she may let A's team serve B. */
const BEA = { name: 'Bea Båda', email: 'bea@leverantorsby.example', password: 'beas alldeles egna långa lösenord' };
const SUPPLIER = { name: 'Sune Leverantör', email: 'sune@bildteknik.example', password: 'leverantörens långa lösenord' };
const TEAM = { name: 'Skrivarservice', supplier: 'Bildteknik AB' };
const UNIT = 'Leverantörsbyskolan';
let B = '';
const cases = { escalated: '', other: '' };

async function as(browser: Browser, who: { email: string; password: string }): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, who.email, who.password);
	return page;
}

/** Files a technical case at B's school and returns its number. */
async function fileCase(page: Page, title: string): Promise<string> {
	await page.goto(`${B}/support/ny`);
	await page.getByLabel('Teknisk support').check();
	await page.getByLabel('Enhet', { exact: true }).selectOption({ label: UNIT });
	await page.getByLabel('Rubrik').fill(title);
	await page.getByLabel('Vad har hänt?').fill('Skrivaren drar in flera ark samtidigt och fastnar.');
	await page.getByRole('button', { name: 'Skicka ärendet' }).click();
	// The filed case's page, once the redirect has landed (the click returns before it does).
	await expect(page).toHaveURL(/\/support\/\d+/);
	const number = page.url().match(/\/support\/(\d+)/)?.[1];
	expect(number, 'the case page after filing').toBeTruthy();
	return number!;
}

async function escalate(page: Page, number: string, team: string, reason: string) {
	await page.goto(`${B}/support/${number}`);
	await page.getByLabel('Team').selectOption({ label: team });
	await page.getByLabel('Varför går ärendet vidare?').fill(reason);
	await page.getByRole('button', { name: 'Eskalera ärendet' }).click();
	await expect(page).toHaveURL(new RegExp(`/support/${number}$`));
	await formsSettled(page);
}

test('an administrator of both organizers lets a supplier team of Testkommun serve the other one', async ({ page, browser, baseURL }) => {
	await signInAsAdmin(page);
	// The system administrator adds organizer B with Bea as its administrator …
	const created = await page.request.post('/system?/create', {
		form: {
			name: B_NAME,
			kind: 'enskild',
			orgNumber: '',
			municipalityCode: '',
			adminName: BEA.name,
			adminEmail: BEA.email,
			password: BEA.password
		},
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(created.status()).toBe(303);
	B = `/${decodeURIComponent(created.headers()['location'].match(/skapad=([^&]+)/)![1])}`;
	// … and Testkommun's administrator invites Bea (her account belongs to B already, decision 018) and adds
	// the supplier's person (no role).
	await page.goto(`${A}/admin/personer/ny`);
	await page.getByLabel('Namn', { exact: true }).fill(BEA.name);
	await page.getByLabel('E-postadress').fill(BEA.email);
	await page.getByRole('button', { name: 'Lägg till person' }).click();
	await expect(page.getByRole('status')).toContainText('En inbjudan är skickad');
	await page.goto(`${A}/admin/personer/ny`);
	await page.getByLabel('Namn', { exact: true }).fill(SUPPLIER.name);
	await page.getByLabel('E-postadress').fill(SUPPLIER.email);
	await page.getByRole('button', { name: 'Lägg till person' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(SUPPLIER.name);
	// Bea accepts, and then Testkommun's administrator makes her an administrator there too.
	const bea = await as(browser, BEA);
	await bea.goto('/konto/inbjudningar');
	await bea.getByRole('button', { name: `Tacka ja till ${TEST_ORG.name}` }).click();
	await expect(bea.getByRole('status')).toHaveText(`Du är nu medlem hos ${TEST_ORG.name}.`);
	await page.goto(`${A}/admin/personer`);
	await page.getByRole('link', { name: BEA.name, exact: true }).click();
	await page.getByLabel('Roll', { exact: true }).selectOption({ label: 'Organisationsadministratör' });
	await page.getByRole('button', { name: 'Lägg till roll' }).click();
	await expect(page.getByRole('status')).toHaveText('Rollen är tillagd.');
	await setPasswordThroughOutbox(browser, page, SUPPLIER.email, SUPPLIER.password);

	// Testkommun's supplier team, with the supplier's person, serving B as well.
	await bea.goto(`${A}/admin/support`);
	await bea.getByLabel('Teamets namn').fill(TEAM.name);
	await bea.getByLabel('Kedja', { exact: true }).first().selectOption('technical');
	await bea.getByLabel('Linje', { exact: true }).selectOption('3');
	await bea.getByLabel('Leverantörens namn').fill(TEAM.supplier);
	await bea.getByRole('button', { name: 'Lägg till teamet' }).click();
	await expect(bea.getByRole('heading', { level: 1 })).toHaveText(`Team: ${TEAM.name}`);
	await bea.getByLabel('Huvudman', { exact: true }).selectOption({ label: B_NAME });
	await bea.getByRole('button', { name: 'Lägg till huvudmannen' }).click();
	// Wait for the added organizer before searching: a search typed while that form is still on its way is
	// replaced by its answer, which lists the first people and not the one searched for.
	await expect(bea.getByRole('button', { name: `Sluta ta emot ärenden från ${B_NAME}` })).toBeVisible();
	await bea.getByLabel('Sök person').fill('Sune');
	await bea.getByRole('button', { name: 'Sök', exact: true }).click();
	await expect(bea).toHaveURL(/sok=Sune/);
	await bea.getByLabel('Person', { exact: true }).selectOption({ label: `${SUPPLIER.name} (${SUPPLIER.email})` });
	await bea.getByRole('button', { name: 'Lägg till i teamet' }).click();
	await expect(bea.getByRole('table', { name: 'Medlemmar' })).toContainText(SUPPLIER.name);
	await expect(bea.getByRole('button', { name: `Sluta ta emot ärenden från ${B_NAME}` })).toBeVisible();

	// B: a school, a central team at line 2, and Bea as B's central technical support.
	await bea.goto(`${B}/admin/enheter/ny`);
	await bea.getByLabel('Namn', { exact: true }).fill(UNIT);
	await bea.getByLabel('Typ av enhet').selectOption('skolenhet');
	await bea.getByLabel('Skolenhetskod').fill(String(20000000 + Math.floor(Math.random() * 70000000))); // other suites share the database
	await bea.getByLabel('Grundskola (GR)').check();
	await bea.getByRole('button', { name: 'Lägg till enheten' }).click();
	await expect(bea.getByRole('status')).toHaveText('Enheten är tillagd.');
	await bea.goto(`${B}/admin/support`);
	await bea.getByLabel('Teamets namn').fill('Byns IT');
	await bea.getByLabel('Kedja', { exact: true }).first().selectOption('technical');
	await bea.getByLabel('Linje', { exact: true }).selectOption('2');
	await bea.getByRole('button', { name: 'Lägg till teamet' }).click();
	await expect(bea.getByRole('heading', { level: 1 })).toHaveText('Team: Byns IT');
	await bea.goto(`${B}/admin/personer`);
	await bea.getByRole('link', { name: BEA.name, exact: true }).click();
	await bea.getByLabel('Roll', { exact: true }).selectOption({ label: 'Central teknisk support (2:a linjen)' });
	await bea.getByRole('button', { name: 'Lägg till roll' }).click();
	await expect(bea.getByRole('status')).toHaveText('Rollen är tillagd.');

	// Two cases at B; one goes up to line 2 and on to the supplier team, the other stays at B.
	cases.escalated = await fileCase(bea, 'Skrivaren i personalrummet fastnar');
	cases.other = await fileCase(bea, 'Wifi i aulan är långsamt');
	await escalate(bea, cases.escalated, 'Byns IT', 'Skolan har provat nytt papper.');
	await escalate(bea, cases.escalated, `${TEAM.name} (${TEAM.supplier})`, 'Matarvalsen behöver bytas, garantiärende.');
});

test('the supplier opens the other organizer’s queue, solves the escalated case and finds nothing else there', async ({ browser }) => {
	const sune = await as(browser, SUPPLIER);
	// The start page lists both organizers the supplier's team works for.
	await expect(sune.getByRole('link', { name: B_NAME })).toBeVisible();
	await expectAccessible(sune);
	await sune.getByRole('link', { name: B_NAME }).click();
	await expect(sune.getByRole('heading', { level: 1 })).toHaveText(B_NAME);
	await expect(sune.getByText('medlem i ett supportteam')).toBeVisible();
	await expect(sune.getByRole('navigation').getByRole('link', { name: 'Självskattning' })).toHaveCount(0);
	await expectAccessible(sune);

	await sune.getByRole('link', { name: 'Till ärendekön' }).click();
	await expect(sune).toHaveURL(new RegExp(`${B}/support/ko$`));
	// The queue opens on "unassigned at my line": the case the supplier team holds, nothing else of B.
	const caseRows = sune.getByRole('row').filter({ has: sune.getByRole('link', { name: /^#\d+$/ }) });
	await expect(caseRows).toHaveCount(1);
	await expect(caseRows).toContainText('Skrivaren i personalrummet fastnar');
	await expectAccessible(sune);
	await sune.goto(`${B}/support/ko?vy=all`);
	await expect(caseRows).toHaveCount(1);
	await expect(caseRows).toContainText('Skrivaren i personalrummet fastnar');
	await expectAccessible(sune);

	await caseRows.getByRole('link', { name: `#${cases.escalated}` }).click();
	await expect(sune).toHaveURL(new RegExp(`${B}/support/${cases.escalated}$`));
	await expect(sune.getByText('Matarvalsen behöver bytas')).toBeVisible();
	await expectAccessible(sune);
	await sune.getByRole('link', { name: 'Hantera ärendet' }).click();
	await expect(sune.getByRole('heading', { name: 'Hantera ärendet' })).toBeVisible();
	await expectAccessible(sune);
	await sune.getByLabel('Lösning').fill('Matarvalsen är utbytt och skrivaren tar ett ark i taget.');
	await sune.getByLabel('Orsak').selectOption('hardware');
	await sune.getByRole('button', { name: 'Markera som löst' }).click();
	await expect(sune).toHaveURL(new RegExp(`/support/${cases.escalated}$`));
	await expect(sune.getByText('Matarvalsen är utbytt')).toBeVisible();
	await expect(sune.getByText('Löst', { exact: true }).first()).toBeVisible();
	await expectAccessible(sune);

	// B's other case, its administration and its self-assessment are not there for the supplier.
	for (const path of [
		`/support/${cases.other}`,
		`/support/${cases.other}/hantera`,
		'/admin/personer',
		'/admin/support',
		'/skattning',
		'/support/uppfoljning'
	]) {
		const response = await sune.goto(`${B}${path}`);
		expect(response?.status(), path).toBe(404);
	}
	await expectAccessible(sune);
});
