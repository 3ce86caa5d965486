/**
 * Issue 12, finding 1 (decision 018), as an attacker would try it on the demo server: the administrator of a
 * second organizer types the e-mail of a demo person — and of the system administrator — into "Lägg till
 * person", then tries to take the accounts over by changing their e-mail. It must give no membership and no
 * control; after the person accepts, the identity stays read-only for the organizer.
 * Creates its own organizer ("Angriparby"), which no other demo test reads.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const people = planDemo().people;
const SYSADMIN = people.find((p) => p.signIn === 'org_admin')!;
const LARS = people.find((p) => p.signIn === 'leadership')!;
const ATTACKER = { name: 'Axel Angripare', email: 'axel@angriparby.example', password: 'angriparens eget långa lösenord' };

/** The demo person's id, read by the demo's own administrator from their people list. */
async function demoPersonId(admin: Page, email: string) {
	await admin.goto(`/${DEMO_SLUG}/admin/personer?q=${encodeURIComponent(email)}`);
	const href = await admin.getByRole('row').filter({ hasText: email }).getByRole('link').first().getAttribute('href');
	return href!.split('/').pop()!;
}

async function pageAs(browser: Browser, email: string, password: string, javaScriptEnabled = true) {
	const context = await browser.newContext({ javaScriptEnabled });
	const page = await context.newPage();
	await signIn(page, email, password);
	return page;
}

test("adding another organizer's e-mail gives an invitation, never the account", async ({ browser, baseURL }) => {
	test.setTimeout(300_000);
	const sys = await pageAs(browser, SYSADMIN.email, DEMO_PASSWORD);
	const created = await sys.request.post('/system?/create', {
		form: {
			name: 'Angriparby skola',
			kind: 'enskild',
			orgNumber: '',
			municipalityCode: '',
			adminName: ATTACKER.name,
			adminEmail: ATTACKER.email,
			password: ATTACKER.password
		},
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(created.status()).toBe(303);
	const SLUG = decodeURIComponent(created.headers()['location']!.split('skapad=')[1]);
	const larsId = await demoPersonId(sys, LARS.email);
	const sysId = await demoPersonId(sys, SYSADMIN.email);

	const attacker = await pageAs(browser, ATTACKER.email, ATTACKER.password);
	for (const target of [LARS, SYSADMIN]) {
		await attacker.goto(`/${SLUG}/admin/personer/ny`);
		await attacker.getByLabel('Namn', { exact: true }).fill('Någon Annan');
		await attacker.getByLabel('E-postadress').fill(target.email.toUpperCase());
		await attacker.getByRole('button', { name: 'Lägg till person' }).click();
		await expect(attacker).toHaveURL(new RegExp(`/${SLUG}/admin/personer\\?klart=inbjuden$`));
		await expect(attacker.getByRole('status')).toContainText('En inbjudan är skickad');
	}
	// The list shows the invitations as typed, and no link to either person.
	const invitations = attacker.getByRole('table', { name: 'Väntande inbjudningar' });
	await expect(invitations.getByRole('row').filter({ hasText: LARS.email })).toContainText('Någon Annan');
	await expect(attacker.getByRole('link', { name: LARS.name })).toHaveCount(0);
	await expectAccessible(attacker);

	// Guessing the ids gives nothing: no page, no change of e-mail, no deactivation.
	for (const id of [larsId, sysId]) {
		expect((await attacker.request.get(`/${SLUG}/admin/personer/${id}`)).status()).toBe(404);
		for (const action of ['update', 'deactivate']) {
			const res = await attacker.request.post(`/${SLUG}/admin/personer/${id}?/${action}`, {
				form: { name: 'Övertagen', email: 'axel+owned@angriparby.example', eppn: '', protectedIdentity: '' },
				headers: { origin: baseURL!, accept: 'text/html' },
				maxRedirects: 0
			});
			expect(res.status(), `${action} of ${id}`).toBe(404);
		}
	}

	// The invitation page takes an id: a made-up or malformed one is refused with a message, never a 500,
	// and a confirmation cannot be written into the address.
	for (const invitationId of ['00000000-0000-4000-8000-000000000000', "x' OR 1=1 --", '']) {
		const res = await attacker.request.post('/konto/inbjudningar?/accept', {
			form: { invitationId },
			headers: { origin: baseURL!, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(res.status(), `accept ${invitationId}`).toBe(404);
	}
	await attacker.goto('/konto/inbjudningar?besvarad=00000000-0000-4000-8000-000000000000&svar=ja&huvudman=Falsk');
	await expect(attacker.getByRole('status')).toHaveCount(0);

	// Lars accepts — without JavaScript — and becomes a member; his identity stays his.
	const lars = await pageAs(browser, LARS.email, DEMO_PASSWORD, false);
	await lars.goto('/konto');
	await lars.getByRole('link', { name: 'Inbjudningar från huvudmän' }).click();
	await expect(lars.getByRole('heading', { level: 2, name: 'Angriparby skola' })).toBeVisible();
	await lars.getByRole('button', { name: 'Tacka ja till Angriparby skola' }).click();
	await expect(lars.getByRole('status')).toHaveText('Du är nu medlem hos Angriparby skola.');
	await expect(lars.getByText('Du har inga inbjudningar som väntar på svar.')).toBeVisible();

	await attacker.goto(`/${SLUG}/admin/personer/${larsId}`);
	await expect(attacker.getByRole('heading', { level: 1 })).toContainText(LARS.name);
	await expect(attacker.getByRole('button', { name: 'Spara ändringar' })).toHaveCount(0);
	await expect(attacker.getByRole('button', { name: 'Inaktivera' })).toHaveCount(0);
	await expect(attacker.getByText(/bara personen själv eller en systemadministratör/).first()).toBeVisible();
	await expectAccessible(attacker);
	const forced = await attacker.request.post(`/${SLUG}/admin/personer/${larsId}?/update`, {
		form: { name: LARS.name, email: 'axel+owned@angriparby.example', eppn: '', protectedIdentity: '' },
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(forced.status()).toBe(400);
	// Lars still signs in with his own address and password.
	const again = await pageAs(browser, LARS.email, DEMO_PASSWORD);
	await again.goto('/konto/inbjudningar');
	await expect(again.getByRole('heading', { level: 1, name: 'Inbjudningar' })).toBeVisible();
	await expectAccessible(again);
	for (const p of [sys, attacker, lars, again]) await p.context().close();
});
