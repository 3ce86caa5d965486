// Covers: colleague questions (/[org]/fragor, askQuestion, makeArticleFromAnswer), guidance (/[org]/handledning/[id],
// bookSession), the assistant (/[org]/assistent, getConversation), synonyms (/[org]/hjalp/synonymer, addSynonymGroup)
// and the preventive workbench (/[org]/hjalp/forebyggande/atgard, recordPreventiveResponse), as an attacker would try them.
/**
 * The self-help between people (issue 15), attacked on the demo server: forms posted by roles that may not, another
 * organizer's administrator reaching for the demo's questions and guidance times by id, made-up ids, a post from
 * another site, and after the refused posts a check that nothing was written.
 */
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { postForm as post, signedInAs as as, type Attacker } from './attacker';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const ORG = `/${DEMO_SLUG}`;
const planned = planDemo().people;
const emailOf = (label: string) => planned.find((p) => p.signIn?.startsWith(label))!.email;
const STAMP = Date.now().toString(36);
const OTHER = { name: `Självhjälpsby ${STAMP}`, email: `admin-${STAMP}@sjalvhjalpsby.example`, password: 'självhjälpsbyns långa lösenord' };
const get = (who: Attacker, url: string) => who.request.get(url, { maxRedirects: 0 });

let admin: Attacker;
let teacher: Attacker;
let questionId = '';
let sessionId = '';

test.beforeAll(async ({ browser }) => {
	admin = await as(browser, emailOf('org_admin'));
	teacher = await as(browser, emailOf('staff ('));
	questionId = (await (await get(admin, `${ORG}/fragor`)).text()).match(new RegExp(`${ORG}/fragor/([0-9a-f-]{36})"`))?.[1] ?? '';
	sessionId = (await (await get(admin, `${ORG}/handledning`)).text()).match(new RegExp(`${ORG}/handledning/([0-9a-f-]{36})"`))?.[1] ?? '';
	expect(questionId && sessionId, 'a demo question and a demo guidance time').toBeTruthy();
});

test('roles outside the colleague questions cannot ask, a teacher cannot make an article, and nothing is written', async ({ browser }) => {
	const title = `Angreppsfråga ${STAMP}`;
	for (const label of ['reader', 'supplier']) {
		const who = await as(browser, emailOf(label));
		const res = await post(who, `${ORG}/fragor/ny?/ask`, { chain: 'technical', title, body: 'x' });
		expect([403, 404], label).toContain(res.status());
	}
	// A post from another site is refused before it reaches the form.
	expect(
		(await post(teacher, `${ORG}/fragor/ny?/ask`, { chain: 'technical', title, body: 'x' }, 'https://angripare.example')).status()
	).toBe(403);
	expect((await post(teacher, `${ORG}/fragor/${questionId}?/makeArticle`, {})).status()).toBe(403);
	// The newest questions come first on the whole list: the refused one is not among them.
	const list = await (await get(admin, `${ORG}/fragor?flik=alla`)).text();
	expect(list).not.toContain(title);
});

test("another organizer's administrator finds none of the demo's questions, guidance times or conversations", async ({ browser }) => {
	const created = await post(admin, '/system?/create', {
		name: OTHER.name,
		kind: 'enskild',
		orgNumber: '',
		municipalityCode: '',
		adminName: 'Siv Självhjälp',
		adminEmail: OTHER.email,
		password: OTHER.password
	});
	expect(created.status()).toBe(303);
	const other = await as(browser, OTHER.email, OTHER.password);
	expect((await get(other, `${ORG}/fragor/${questionId}`)).status()).toBe(404);
	expect((await post(other, `${ORG}/fragor/${questionId}?/answer`, { body: 'Intrång' })).status()).toBe(404);
	expect((await post(other, `${ORG}/handledning/${sessionId}?/book`, { note: 'Intrång' })).status()).toBe(404);
	expect((await get(other, `${ORG}/handledning/${sessionId}/kalender.ics`)).status()).toBe(404);
	// With their own organizer's address, the demo's ids are not found either.
	const otherSlug = decodeURIComponent(created.headers()['location']!.match(/skapad=([^&]+)/)![1]);
	expect((await get(other, `/${otherSlug}/fragor/${questionId}`)).status()).toBe(404);
	expect((await get(other, `/${otherSlug}/handledning/${sessionId}`)).status()).toBe(404);
	const answers = await (await get(admin, `${ORG}/fragor/${questionId}`)).text();
	expect(answers).not.toContain('Intrång');
});

test('made-up ids are not found, and a teacher cannot manage synonyms or record preventive work', async () => {
	const made = randomUUID();
	expect((await get(teacher, `${ORG}/fragor/${made}`)).status()).toBe(404);
	expect((await get(teacher, `${ORG}/fragor/inte-ett-id`)).status()).toBe(404);
	expect((await post(teacher, `${ORG}/handledning/${made}?/book`, { note: 'x' })).status()).toBe(404);
	expect((await get(teacher, `${ORG}/assistent?samtal=${made}`)).status()).toBe(404);
	expect((await post(teacher, `${ORG}/hjalp/synonymer?/add`, { words: `angrepp${STAMP}, intrång` })).status()).toBe(403);
	expect((await post(teacher, `${ORG}/hjalp/forebyggande/atgard?arende=1`, { kind: 'no_action', note: 'x' })).status()).toBe(403);
	const synonyms = await (await get(admin, `${ORG}/hjalp/synonymer`)).text();
	expect(synonyms).not.toContain(`angrepp${STAMP}`);
});
