/**
 * Planning (issue 13) as an attacker would try it on the demo organizer: posting the planners' forms as a teacher
 * or a politician, changing someone else's action, and reading planning as a supplier. The authorization matrix
 * checks that every page answers each role as it should; these tests send the writes the pages do not offer.
 * Nothing here changes the demo: every attempt must be refused.
 */
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { postForm, signedInAs } from './attacker';

const ORG = `/${DEMO_SLUG}`;
const planned = planDemo().people;
const emailOf = (label: string) => planned.find((p) => p.signIn?.startsWith(label))!.email;
const TEACHER = emailOf('staff (');
const READER = emailOf('reader');
const SUPPLIER = emailOf('supplier');
const ADMIN = emailOf('org_admin');
const tag = () => `Angrepp ${Date.now().toString(36)}`;

const as = signedInAs;
const post = postForm;

test('a teacher and a politician cannot write the organizer plan, its vision or its framework by posting the forms', async ({
	browser
}) => {
	const teacher = await as(browser, TEACHER);
	const reader = await as(browser, READER);
	const admin = await as(browser, ADMIN);
	const title = tag();
	for (const who of [teacher, reader]) {
		const created = await post(who, `${ORG}/planering/ny?/create`, { scope: 'organizer', title, responsibleId: '', period: '2026/27' });
		expect(created.status(), 'creating an organizer action').not.toBe(303);
		expect([400, 403, 404]).toContain(created.status());
		expect((await post(who, `${ORG}/planering/vision/andra?/save`, { text: title })).status()).toBe(403);
		expect((await post(who, `${ORG}/planering/ramverk/andra?/texts`, { equalAccess: title })).status()).toBe(403);
	}
	// Nothing was written: neither the plan report nor the vision mentions the attempt.
	expect(await (await admin.request.get(`${ORG}/planering/rapport`)).text()).not.toContain(title);
	expect(await (await admin.request.get(`${ORG}/planering/vision`)).text()).not.toContain(title);
});

test('a teacher cannot change the status of an action they neither own nor plan', async ({ browser }) => {
	const admin = await as(browser, ADMIN);
	const report = await (await admin.request.get(`${ORG}/planering/rapport`)).text();
	const actionId = report.match(/\/planering\/aktivitet\/([0-9a-f-]{36})/)?.[1];
	expect(actionId, 'the demo plan report links to its actions').toBeTruthy();
	const teacher = await as(browser, TEACHER);
	const note = tag();
	const res = await post(teacher, `${ORG}/planering/aktivitet/${actionId}?/status`, { status: 'dropped', note });
	expect([403, 404]).toContain(res.status());
	expect(await (await admin.request.get(`${ORG}/planering/aktivitet/${actionId}`)).text()).not.toContain(note);
});

test('a supplier sees nothing of planning, and a made-up calendar address is not found', async ({ browser }) => {
	const supplier = await as(browser, SUPPLIER);
	for (const path of ['planering', 'planering/vision', 'planering/sammanstallning', 'planering/rapport.xlsx', 'planering/forum'])
		expect([403, 404], path).toContain((await supplier.request.get(`${ORG}/${path}`, { maxRedirects: 0 })).status());
	expect((await supplier.request.get('/kalender/not-a-real-token.ics')).status()).toBe(404);
});

test("a politician and a supplier cannot change a cycle's working group by posting its form", async ({ browser }) => {
	const admin = await as(browser, ADMIN);
	const list = await (await admin.request.get(`${ORG}/planering/cykler`)).text();
	const cycleId = list.match(/\/planering\/cykler\/([0-9a-f-]{36})/)?.[1];
	expect(cycleId, 'the demo has cycles').toBeTruthy();
	const groupPage = `${ORG}/planering/cykler/${cycleId}/grupp`;
	const checked = async () => ((await (await admin.request.get(groupPage)).text()).match(/\bchecked\b/g) ?? []).length;
	const before = await checked();
	expect(before, 'the demo cycle has a working group').toBeGreaterThan(0);
	for (const who of [await as(browser, READER), await as(browser, SUPPLIER)]) {
		const res = await post(who, `${groupPage}?/save`, { memberIds: '' });
		expect([403, 404]).toContain(res.status());
	}
	expect(await checked()).toBe(before);
});
