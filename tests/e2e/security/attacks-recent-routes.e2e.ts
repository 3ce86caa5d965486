// Covers: the notification list (/aviseringar, markNotificationsRead), notification settings (/konto/aviseringar,
// saveNotificationPreferences), the printable link sheet (/[org]/skattning/[roundId]/lankblad, findLinkCards) and changing
// a forum (/[org]/planering/forum/[forumId]/andra, updateForum), as an attacker would try them.
/**
 * Routes added after the security suite was written, attacked on the demo server: forms posted by roles that may not,
 * another organizer's administrator reaching for the demo organizer's records by id, made-up ids, posts from another
 * site, and after each attempt a check that nothing was written.
 */
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { postForm, signedInAs, type Attacker } from './attacker';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const ORG = `/${DEMO_SLUG}`;
const planned = planDemo().people;
const emailOf = (label: string) => planned.find((p) => p.signIn?.startsWith(label))!.email;
const ADMIN = emailOf('org_admin');
const LEADER = emailOf('leadership');
const READER = emailOf('reader');
const SUPPLIER = emailOf('supplier');
const TEACHER = emailOf('staff (');
const PRINCIPAL = emailOf('principal (');
const STAMP = Date.now().toString(36);
const OTHER = { name: `Angreppsby skola ${STAMP}`, email: `admin-${STAMP}@angreppsby.example`, password: 'angreppsbys långa lösenord' };

type Who = Attacker;
const as = signedInAs;
const post = postForm;
const get = (who: Who, url: string) => who.request.get(url, { maxRedirects: 0 });
/** The ids of the unread notifications on a person's list (each has a "mark read" form). */
const unreadIds = async (who: Who) =>
	[...(await (await get(who, '/aviseringar')).text()).matchAll(/name="id" value="(\d+)"/g)].map((m) => m[1]);

let admin: Who;
let other: Who;
let otherSlug = '';

test.beforeAll(async ({ browser }) => {
	admin = await as(browser, ADMIN);
	// Another organizer with its own administrator, made by the system administrator (the demo's first org_admin).
	const created = await post(admin, '/system?/create', {
		name: OTHER.name,
		kind: 'enskild',
		orgNumber: '',
		municipalityCode: '',
		adminName: 'Anna Angrepp',
		adminEmail: OTHER.email,
		password: OTHER.password
	});
	expect(created.status()).toBe(303);
	otherSlug = decodeURIComponent(created.headers()['location']!.match(/skapad=([^&]+)/)![1]);
	other = await as(browser, OTHER.email, OTHER.password);
});

test("nobody marks someone else's notification read, and a post from another site is refused", async ({ browser }) => {
	// One after another: several sign-ins at once are slow on a loaded machine.
	const people: Who[] = [];
	for (const email of [SUPPLIER, LEADER, PRINCIPAL, ADMIN]) people.push(await as(browser, email));
	const before = await Promise.all(people.map(unreadIds));
	const teacher = await as(browser, TEACHER);
	const own = new Set(await unreadIds(teacher));
	const theirs = [...new Set(before.flat())].filter((id) => !own.has(id));
	// Every id someone else has, and ids that are none at all.
	for (const id of theirs) expect((await post(teacher, '/aviseringar?/read', { id })).status(), `id ${id}`).toBe(404);
	for (const id of ['0', '-1', '999999999', 'abc', "1' OR '1'='1", ''])
		expect((await post(teacher, '/aviseringar?/read', { id })).status(), `id ${id}`).toBe(404);
	// Another organizer's administrator is no different.
	for (const id of theirs.slice(0, 10)) expect((await post(other, '/aviseringar?/read', { id })).status()).toBe(404);
	// "Mark all read" from another site is refused before it runs.
	expect((await post(people[0], '/aviseringar?/readAll', {}, 'https://angripare.example')).status()).toBe(403);
	// Nothing was marked: every notification unread before still is (the background jobs may add new ones meanwhile).
	const after = await Promise.all(people.map(unreadIds));
	before.forEach((ids, i) => expect(after[i]).toEqual(expect.arrayContaining(ids)));
	// Signed out, the list and its forms send to sign-in.
	const anonymous = (await browser.newContext()).request;
	const res = await anonymous.post('/aviseringar?/readAll', {
		form: {},
		headers: { origin: admin.baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status()).toBe(303);
	expect(res.headers()['location']).toContain('/logga-in');
});

test('notification settings take only the allowed choices, only for oneself, and only from this site', async ({ browser }) => {
	const teacher = await as(browser, TEACHER);
	const page = async () => (await get(teacher, '/konto/aviseringar')).text();
	// The form's inputs as served, with their checked state.
	const checked = (html: string) => html.match(/<input[^>]*>/g) ?? [];
	const before = checked(await page());
	expect(
		before.some((i) => i.includes('checked')),
		'the settings form shows the current choices'
	).toBe(true);
	const bad = await post(teacher, '/konto/aviseringar?/save', { new_case: 'everything', assigned: '<script>', receipt: 'immediate' });
	expect(bad.status()).toBe(400);
	expect(checked(await page())).toEqual(before);
	// A person id in the form changes nothing: the settings are always the signed-in person's own.
	const adminBefore = checked(await (await get(admin, '/konto/aviseringar')).text());
	const forged = await post(
		teacher,
		'/konto/aviseringar?/save',
		{ personId: randomUUID(), new_case: 'off', receipt: 'off' },
		'https://angripare.example'
	);
	expect(forged.status()).toBe(403);
	expect(checked(await page())).toEqual(before);
	expect(checked(await (await get(admin, '/konto/aviseringar')).text())).toEqual(adminBefore);
	const anonymous = (await browser.newContext()).request;
	const res = await anonymous.post('/konto/aviseringar?/save', {
		form: { receipt: 'off' },
		headers: { origin: admin.baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status()).toBe(303);
	expect(res.headers()['location']).toContain('/logga-in');
});

test('the link sheet opens only for those who manage rounds, never across organizers or for a made-up round', async ({ browser }) => {
	const list = await (await get(admin, `${ORG}/skattning`)).text();
	const roundId = list.match(/\/skattning\/([0-9a-f-]{36})"/)?.[1];
	expect(roundId, 'the demo has a round').toBeTruthy();
	const sheet = `${ORG}/skattning/${roundId}/lankblad`;
	expect((await get(admin, sheet)).status()).toBe(200);
	for (const email of [READER, TEACHER, PRINCIPAL, SUPPLIER]) {
		const res = await get(await as(browser, email), sheet);
		expect([403, 404], email).toContain(res.status());
		expect(await res.text()).not.toMatch(/\/s\/[A-Za-z0-9_-]{16,}/);
	}
	// The other organizer's administrator: the demo round under their own address is not found, the demo's is not theirs.
	expect((await get(other, `/${otherSlug}/skattning/${roundId}/lankblad`)).status()).toBe(404);
	expect([403, 404]).toContain((await get(other, sheet)).status());
	// Made-up and malformed round ids, and an odd perspective, as the administrator.
	expect((await get(admin, `${ORG}/skattning/${randomUUID()}/lankblad`)).status()).toBe(404);
	expect((await get(admin, `${ORG}/skattning/not-a-round/lankblad`)).status()).toBe(404);
	expect((await get(admin, `${sheet}?perspektiv=${encodeURIComponent("'; DROP TABLE x;--")}`)).status()).toBe(200);
});

test('a forum is changed only by those who run it: not by staff, readers or suppliers, another organizer or a made-up id', async ({
	browser
}) => {
	const list = await (await get(admin, `${ORG}/planering/forum`)).text();
	const forumId = list.match(/\/planering\/forum\/([0-9a-f-]{36})"/)?.[1];
	expect(forumId, 'the demo has a forum').toBeTruthy();
	const form = `${ORG}/planering/forum/${forumId}/andra`;
	const name = `Kapad grupp ${STAMP}`;
	const fields = { name, purpose: 'Angrepp', kind: 'strategy' };
	for (const email of [TEACHER, READER, SUPPLIER]) {
		const who = await as(browser, email);
		expect([403, 404], `GET as ${email}`).toContain((await get(who, form)).status());
		expect([403, 404], `POST as ${email}`).toContain((await post(who, `${form}?/save`, fields)).status());
	}
	expect((await post(other, `/${otherSlug}/planering/forum/${forumId}/andra?/save`, fields)).status()).toBe(404);
	expect([403, 404]).toContain((await post(other, `${form}?/save`, fields)).status());
	expect((await post(admin, `${ORG}/planering/forum/${randomUUID()}/andra?/save`, fields)).status()).toBe(404);
	expect((await post(admin, `${ORG}/planering/forum/nope/andra?/save`, fields)).status()).toBe(404);
	expect((await post(admin, `${form}?/save`, fields, 'https://angripare.example')).status()).toBe(403);
	// Nothing was written: neither the forum nor the list shows the name.
	expect(await (await get(admin, `${ORG}/planering/forum/${forumId}`)).text()).not.toContain(name);
	expect(await (await get(admin, `${ORG}/planering/forum`)).text()).not.toContain(name);
});
