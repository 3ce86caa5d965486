/**
 * Notifications (decision 026): a case escalated to a supplier team reaches the supplier in the app (the header's
 * unread count and the list), by mail, and in the team's Microsoft Teams and Google Chat channels (a local
 * receiver started here stands in for both); the supplier's mail choices are saved and kept.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from '../axe';
import { addPersonWithRole, setPasswordThroughOutbox, signIn, signInAsAdmin, TEST_ORG } from '../helpers';
import { nextMailTo } from '../mail';
import { startWebhookReceiver, type WebhookReceiver } from '../../webhook-receiver';
import { formsSettled } from '../forms/settled';

test.describe.configure({ mode: 'serial' });

const ORG = `/${TEST_ORG.slug}`;
const UNIT = 'Notisskolan';
const KEY = {
	name: 'Kim Notisnyckel',
	email: 'kim.notis@testkommun.se',
	password: 'nyckelpersonens notislösenord',
	role: 'Teknisk nyckelperson (1:a linjen)'
};
const TWO = { name: 'Tove Andralinje', email: 'tove.andra@testkommun.se', password: 'andra linjens notislösenord' };
const SUPPLIER = { name: 'Sam Notisleverantör', email: 'sam@notisteknik.example', password: 'leverantörens notislösenord' };
const TEAM2 = 'Notis-IT';
const TEAM3 = { name: 'Notisservice', supplier: 'Notisteknik AB' };
const TITLE = 'Laddskåpet i sal 3 laddar inte';
let hooks: WebhookReceiver;
let caseNumber = '';

test.beforeAll(async () => {
	hooks = await startWebhookReceiver();
});
test.afterAll(async () => {
	await hooks?.close();
});

async function as(browser: Browser, who: { email: string; password: string }): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, who.email, who.password);
	return page;
}

async function addPerson(page: Page, p: { name: string; email: string }) {
	await page.goto(`${ORG}/admin/personer/ny`);
	await page.getByLabel('Namn', { exact: true }).fill(p.name);
	await page.getByLabel('E-postadress').fill(p.email);
	await page.getByRole('button', { name: 'Lägg till person' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(p.name);
}

async function addTeam(page: Page, name: string, line: '2' | '3', supplier?: string, member?: { name: string; email: string }) {
	await page.goto(`${ORG}/admin/support`);
	await page.getByLabel('Teamets namn').fill(name);
	await page.getByLabel('Kedja', { exact: true }).first().selectOption('technical');
	await page.getByLabel('Linje', { exact: true }).selectOption(line);
	if (supplier) await page.getByLabel('Leverantörens namn').fill(supplier);
	await page.getByRole('button', { name: 'Lägg till teamet' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Team: ${name}`);
	if (member) {
		await page.getByLabel('Sök person').fill(member.name.split(' ')[0]);
		await page.getByRole('button', { name: 'Sök', exact: true }).click();
		await page.getByLabel('Person', { exact: true }).selectOption({ label: `${member.name} (${member.email})` });
		await page.getByRole('button', { name: 'Lägg till i teamet' }).click();
		await expect(page.getByRole('table', { name: 'Medlemmar' })).toContainText(member.name);
	}
}

async function escalate(page: Page, number: string, team: string, reason: string) {
	await page.goto(`${ORG}/support/${number}/hantera`);
	await page.getByLabel('Team').selectOption({ label: team });
	await page.getByLabel('Varför går ärendet vidare?').fill(reason);
	await page.getByRole('button', { name: 'Eskalera ärendet' }).click();
	await expect(page).toHaveURL(new RegExp(`/support/${number}$`));
	await formsSettled(page);
}

test('an administrator sets up a school, a line-2 team and a supplier team with chat channels', async ({ page, browser }) => {
	await signInAsAdmin(page);
	await page.goto(`${ORG}/admin/enheter/ny`);
	await page.getByLabel('Namn', { exact: true }).fill(UNIT);
	await page.getByLabel('Typ av enhet').selectOption('skolenhet');
	await page.getByLabel('Skolenhetskod').fill(String(20000000 + Math.floor(Math.random() * 70000000))); // other suites share the database
	await page.getByLabel('Grundskola (GR)').check();
	await page.getByRole('button', { name: 'Lägg till enheten' }).click();
	await expect(page.getByRole('status')).toHaveText('Enheten är tillagd.');
	await addPersonWithRole(page, KEY, UNIT);
	await addPerson(page, TWO);
	await addPerson(page, SUPPLIER);
	for (const p of [KEY, TWO, SUPPLIER]) await setPasswordThroughOutbox(browser, page, p.email, p.password);
	await addTeam(page, TEAM2, '2', undefined, TWO);
	await addTeam(page, TEAM3.name, '3', TEAM3.supplier, SUPPLIER);

	// An http address to another machine is refused beside its field; the form is accessible with the error.
	await page.getByLabel('Microsoft Teams (Workflows-webhook)').fill('http://hooks.example.com/teams');
	await page.getByRole('button', { name: 'Spara kanaler' }).click();
	await expect(page.getByRole('alert')).toContainText('Adressen måste börja med https://.');
	await expect(page.locator('#teamsUrl-error')).toContainText('Adressen måste börja med https://.');
	await expectAccessible(page);

	await page.getByLabel('Microsoft Teams (Workflows-webhook)').fill(hooks.url('/teams/notis'));
	await page.getByLabel('Google Chat (webhook)').fill(hooks.url('/chat/notis'));
	await page.getByRole('button', { name: 'Spara kanaler' }).click();
	await expect(page.getByRole('status')).toHaveText('Kanalerna är sparade.');
	// Never shown again in full: the fields are empty and the page names only the address's end.
	await expect(page.getByLabel('Microsoft Teams (Workflows-webhook)')).toHaveValue('');
	await expect(page.getByText('Sparad, slutar på …/notis').first()).toBeVisible();
	expect(await page.content()).not.toContain(hooks.url('/teams/notis'));
	await expectAccessible(page);

	const before = hooks.received.length;
	await page.getByRole('button', { name: 'Skicka testmeddelande' }).click();
	await expect(page.getByRole('status')).toHaveText('Ett testmeddelande är på väg till teamets kanaler.');
	await expect
		.poll(
			() =>
				hooks.received
					.slice(before)
					.map((r) => `${r.path} ${r.status}`)
					.sort(),
			{ timeout: 30_000 }
		)
		.toEqual(['/chat/notis 200', '/teams/notis 202']);
});

test('a case escalated to the supplier team reaches the supplier in the app, by mail and in the team’s channels', async ({ browser }) => {
	const key = await as(browser, KEY);
	await key.goto(`${ORG}/support/ny`);
	await key.getByLabel('Teknisk support').check();
	await key.getByLabel('Rubrik').fill(TITLE);
	await key.getByLabel('Vad har hänt?').fill('Lampan på skåpet lyser inte och datorerna är tomma på morgonen.');
	await key.getByRole('button', { name: 'Skicka ärendet' }).click();
	await expect(key).toHaveURL(/\/support\/\d+/);
	caseNumber = key.url().match(/\/support\/(\d+)/)![1];
	await escalate(key, caseNumber, TEAM2, 'Skåpet behöver ny säkring.');
	const two = await as(browser, TWO);
	const mail = await nextMailTo(
		SUPPLIER.email,
		() => escalate(two, caseNumber, `${TEAM3.name} (${TEAM3.supplier})`, 'Garantiärende hos leverantören.'),
		(m) => m.subject.includes(`Ärende ${caseNumber}`)
	);
	expect(mail.text).toContain(`Ärende ${caseNumber} har eskalerats till ditt team (linje 3): ${TITLE}`);
	expect(mail.text).toMatch(new RegExp(`${ORG}/support/${caseNumber}\\r?\\n`));

	// The team's channels got one post each, in the shape each service wants, without names.
	await expect
		.poll(
			() =>
				hooks.received
					.filter((r) => JSON.stringify(r.body).includes(`Ärende ${caseNumber} `))
					.map((r) => `${r.path} ${r.status}`)
					.sort(),
			{ timeout: 30_000 }
		)
		.toEqual(['/chat/notis 200', '/teams/notis 202']);
	const posts = hooks.received.filter((r) => JSON.stringify(r.body).includes(`Ärende ${caseNumber} `));
	for (const p of posts) {
		expect(JSON.stringify(p.body)).toContain(TITLE);
		for (const name of [KEY.name, TWO.name, SUPPLIER.name]) expect(JSON.stringify(p.body)).not.toContain(name);
	}

	// The supplier: one unread notification in the header, the list, and the case behind the link.
	const sam = await as(browser, SUPPLIER);
	await expect(sam.getByRole('link', { name: 'Aviseringar, 1 oläst' })).toBeVisible();
	await sam.getByRole('link', { name: 'Aviseringar, 1 oläst' }).click();
	await expect(sam.getByRole('heading', { level: 1 })).toHaveText('Aviseringar');
	const item = sam.getByRole('listitem').filter({ hasText: `Ärende ${caseNumber} har eskalerats till ditt team` });
	await expect(item).toContainText('Oläst');
	await expectAccessible(sam);
	await item.getByRole('button', { name: /Markera som läst/ }).click();
	await expect(sam.getByRole('link', { name: 'Aviseringar, inga olästa' })).toBeVisible();
	await expect(item).not.toContainText('Oläst');
	await item.getByRole('link').click();
	await expect(sam).toHaveURL(new RegExp(`${ORG}/support/${caseNumber}$`));

	// The actor hears nothing of their own escalation.
	await two.goto('/aviseringar');
	await expect(two.getByRole('listitem').filter({ hasText: 'till ditt team (linje 3)' })).toHaveCount(0);
});

test('the supplier chooses the daily digest for escalations; the choice is kept; the list reads in English', async ({ browser }) => {
	const sam = await as(browser, SUPPLIER);
	await sam.goto('/konto/aviseringar');
	await expect(sam.getByRole('heading', { level: 1 })).toHaveText('Aviseringar med e-post');
	const escalated = sam.getByRole('group', { name: 'Ett ärende eskaleras till mitt team' });
	await expect(escalated.getByLabel('E-post direkt')).toBeChecked();
	await expectAccessible(sam);
	await escalated.getByLabel('Dagligt sammandrag').check();
	await sam.getByRole('button', { name: 'Spara val' }).click();
	await expect(sam.getByRole('status')).toHaveText('Dina val är sparade.');
	await sam.reload();
	await expect(sam.getByRole('group', { name: 'Ett ärende eskaleras till mitt team' }).getByLabel('Dagligt sammandrag')).toBeChecked();
	await expect(sam.getByRole('group', { name: 'Jag blir handläggare för ett ärende' }).getByLabel('E-post direkt')).toBeChecked();

	await sam.goto('/aviseringar');
	await sam.getByRole('button', { name: 'In English' }).click();
	await expect(sam.getByRole('heading', { level: 1 })).toHaveText('Notifications');
	await expect(sam.getByRole('link', { name: `Case ${caseNumber} was escalated to your team (line 3): ${TITLE}` })).toBeVisible();
	await expectAccessible(sam);
});
