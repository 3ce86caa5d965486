// Covers: the board report's asks and generation (/[org]/uppfoljning/namndrapport/ny: saveBoardAsk, removeBoardAsk,
// generateBoardReport; namndrapport: addBoardReader), unit sizes (/[org]/uppfoljning/storlekar: saveUnitSizes,
// importUnitSizes, countStaffFromSs12000), comparison values (/[org]/uppfoljning/jamforelsevarden: setMunicipalityCode,
// addComparisonMapping, removeComparisonMapping; importera: createComparisonImport, applyComparisonImport), surveys
// (/[org]/uppfoljning/enkater: updatePulseSettings, createSurvey, sendSurvey, closeSurvey) and answering one
// (/enkat: openMySurvey; /enkat/[token]: submitSurveyAnswers), as an attacker would try them.
/**
 * The follow-up routes that take input (issue 20), attacked on the demo server: forms posted by roles that may not,
 * another organizer's administrator reaching for the demo organizer's records, made-up, used and someone else's
 * survey links, made-up ids on every [id] route (404, never 500), posts from another site — and after each attempt a
 * check that nothing was written.
 */
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { postForm, signedInAs, type Attacker } from './attacker';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const ORG = `/${DEMO_SLUG}`;
const FU = `${ORG}/uppfoljning`;
const planned = planDemo().people;
const signInOf = (label: string) => planned.find((p) => p.signIn?.startsWith(label))!;
const ADMIN = signInOf('org_admin').email;
const READER = signInOf('reader').email;
const TEACHER = signInOf('staff (').email;
const TEACHER_UNIT = signInOf('staff (').signIn!.match(/\((.+)\)$/)![1];
const PRINCIPAL = signInOf('principal (').email;
const CENTRAL = signInOf('central_technical_support').email;
const STAMP = Date.now().toString(36);
const FOREIGN = 'https://angripare.example';
const OTHER = {
	name: `Uppföljningsby ${STAMP}`,
	email: `admin-${STAMP}@uppfoljningsby.example`,
	password: 'uppföljningsbys långa lösenord'
};

const get = (who: Attacker, url: string) => who.request.get(url, { maxRedirects: 0 });
const html = async (who: Attacker, url: string) => {
	const res = await get(who, url);
	expect(res.status(), `GET ${url}`).toBe(200);
	return res.text();
};
/** A multipart post as a browser sends a form with a file. */
const postFile = (
	who: Attacker,
	url: string,
	field: string,
	name: string,
	text: string,
	fields: Record<string, string> = {},
	origin = who.baseURL
) =>
	who.request.post(url, {
		multipart: { ...fields, [field]: { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf-8') } },
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});

let admin: Attacker;
let other: Attacker;
let otherSlug = '';

test.beforeAll(async ({ browser }) => {
	admin = await signedInAs(browser, ADMIN);
	const created = await postForm(admin, '/system?/create', {
		name: OTHER.name,
		kind: 'enskild',
		orgNumber: '',
		municipalityCode: '',
		adminName: 'Ulla Uppföljning',
		adminEmail: OTHER.email,
		password: OTHER.password
	});
	expect(created.status()).toBe(303);
	otherSlug = decodeURIComponent(created.headers()['location']!.match(/skapad=([^&]+)/)![1]);
	other = await signedInAs(browser, OTHER.email, OTHER.password);
});

test('the board report: readers, principals and teachers write no asks and generate nothing; another organizer reaches nothing', async ({
	browser
}) => {
	const newPage = `${FU}/namndrapport/ny`;
	const reports = async () =>
		[...(await html(admin, `${FU}/namndrapport`)).matchAll(/\/uppfoljning\/namndrapport\/([0-9a-f-]{36})"/g)].length;
	const asks = async () => [...(await html(admin, newPage)).matchAll(/name="askId" value="([0-9a-f-]{36})"/g)].map((m) => m[1]);
	// A draft ask of the administrator's own, for the others to reach for.
	const drafts = await asks();
	expect((await postForm(admin, `${newPage}?/addAsk`, { title: `Riktig fråga ${STAMP}`, body: 'Beslut om nya skärmar.' })).status()).toBe(
		303
	);
	const askId = (await asks()).find((id) => !drafts.includes(id))!;
	expect(askId, 'the new draft ask').toBeTruthy();
	const reportsBefore = await reports();
	const asksBefore = await asks();
	const period = { from: '2026-08-01', to: '2027-01-15', unitId: '' };
	for (const email of [READER, PRINCIPAL, TEACHER]) {
		const who = await signedInAs(browser, email);
		expect((await postForm(who, `${newPage}?/addAsk`, { title: `Kapad fråga ${STAMP}`, body: 'x' })).status(), email).toBe(403);
		expect((await postForm(who, `${newPage}?/saveAsk`, { askId, title: `Kapad ${STAMP}`, body: 'x' })).status(), email).toBe(403);
		expect((await postForm(who, `${newPage}?/removeAsk`, { askId })).status(), email).toBe(403);
		expect((await postForm(who, `${newPage}?/generate`, period)).status(), email).toBe(403);
		expect((await postForm(who, `${FU}/namndrapport?/addReader`, { email: `kapad-${STAMP}@angripare.example` })).status(), email).toBe(403);
	}
	// Another organizer's administrator: the demo's address is not theirs; under their own address the ask is unknown.
	expect((await postForm(other, `${newPage}?/removeAsk`, { askId })).status()).toBe(404);
	expect((await postForm(other, `${newPage}?/generate`, period)).status()).toBe(404);
	expect((await postForm(other, `/${otherSlug}/uppfoljning/namndrapport/ny?/removeAsk`, { askId })).status()).toBe(404);
	expect(
		(await postForm(other, `/${otherSlug}/uppfoljning/namndrapport/ny?/saveAsk`, { askId, title: `Kapad ${STAMP}`, body: 'x' })).status()
	).toBe(404);
	// From another site, even the administrator's own session writes nothing.
	expect((await postForm(admin, `${newPage}?/addAsk`, { title: `Främmande ${STAMP}`, body: 'x' }, FOREIGN)).status()).toBe(403);
	expect((await postForm(admin, `${newPage}?/generate`, period, FOREIGN)).status()).toBe(403);
	expect((await postForm(admin, `${newPage}?/removeAsk`, { askId }, FOREIGN)).status()).toBe(403);
	// Nothing was written: the same drafts (the ask unchanged), the same reports, no reader added.
	expect(await asks()).toEqual(asksBefore);
	const page = await html(admin, newPage);
	expect(page).toContain(`Riktig fråga ${STAMP}`);
	expect(page).not.toContain(`Kapad fråga ${STAMP}`);
	expect(page).not.toContain(`Kapad ${STAMP}`);
	expect(page).not.toContain(`Främmande ${STAMP}`);
	expect(await reports()).toBe(reportsBefore);
	expect(await html(admin, `${FU}/namndrapport`)).not.toContain(`kapad-${STAMP}`);
	expect((await postForm(admin, `${newPage}?/removeAsk`, { askId })).status()).toBe(303);
});

test('unit sizes: a principal sets none, inside their area or outside it; nor does another organizer', async ({ browser }) => {
	const page = await html(admin, `${FU}/storlekar`);
	const year = page.match(/name="lasar" value="([^"]+)"/)![1];
	const unitIds = [...page.matchAll(/name="unit" value="([0-9a-f-]{36})"/g)].map((m) => m[1]);
	expect(unitIds.length).toBeGreaterThan(1);
	const picked = [unitIds[0], unitIds.at(-1)!];
	const sizes = async () => {
		const text = await html(admin, `${FU}/storlekar?lasar=${encodeURIComponent(year)}`);
		return picked.map((id) => text.match(new RegExp(`name="students-${id}"[^>]*value="([^"]*)"`))?.[1] ?? '');
	};
	const before = await sizes();
	const form = (ids: string[]) => ({
		lasar: year,
		...Object.fromEntries(
			ids.flatMap((id) => [
				[`students-${id}`, '9999'],
				[`staff-${id}`, '999']
			])
		)
	});
	// A form with several `unit` fields: built by hand as the browser would.
	const postSizes = (who: Attacker, url: string, ids: string[], origin = who.baseURL) =>
		who.request.post(url, {
			data: new URLSearchParams([...ids.map((id) => ['unit', id]), ...Object.entries(form(ids))]).toString(),
			headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			maxRedirects: 0
		});
	for (const email of [PRINCIPAL, READER, TEACHER, CENTRAL]) {
		const who = await signedInAs(browser, email);
		for (const id of picked) expect((await postSizes(who, `${FU}/storlekar?/save`, [id])).status(), email).toBe(403);
		expect(
			(await postFile(who, `${FU}/storlekar?/import`, 'fil', 'storlekar.csv', `enhet;elever\n${picked[0]};9999`, { lasar: year })).status()
		).toBe(403);
		expect((await postForm(who, `${FU}/storlekar?/ss12000`, { lasar: year })).status(), email).toBe(403);
	}
	// Another organizer: the demo's address is not theirs, and the demo's units are not theirs under their own address.
	expect((await postSizes(other, `${FU}/storlekar?/save`, picked)).status()).toBe(404);
	const own = await postSizes(other, `/${otherSlug}/uppfoljning/storlekar?/save`, picked);
	expect(own.status()).toBe(400);
	// From another site.
	expect((await postSizes(admin, `${FU}/storlekar?/save`, picked, FOREIGN)).status()).toBe(403);
	expect(await sizes()).toEqual(before);
});

test('comparison values: no import, mapping or municipality code by a wrong role or across organizers', async ({ browser }) => {
	const overview = `${FU}/jamforelsevarden`;
	const page = await html(admin, overview);
	const code = page.match(/name="municipalityCode"[^>]*value="([^"]*)"/)?.[1] ?? '';
	const mapping = page.match(/name="figureKey" value="([^"]+)"\s*\/?>\s*<input type="hidden" name="keyFigureId" value="([0-9a-f-]{36})"/);
	const keyFigureId = page.match(/<option value="([0-9a-f-]{36})"/)?.[1] ?? randomUUID();
	// The administrator uploads a file (a preview, not yet written) for the others to try to confirm.
	const file = `Nyckeltal-id;Nyckeltal;Kommun-id;År;Kön;Värde;Måttenhet\nQ${STAMP};Angreppstal;${code || '0199'};2024;T;12,5;procent`;
	const uploaded = await postFile(admin, `${overview}/importera?/upload`, 'file', 'kolada.csv', file);
	expect(uploaded.status()).toBe(303);
	const batchId = uploaded.headers()['location']!.match(/fil=([0-9a-f-]{36})/)![1];
	const attempts = (who: Attacker, base: string, origin?: string) => [
		postForm(who, `${base}?/municipality`, { municipalityCode: '0180' }, origin),
		postForm(who, `${base}?/map`, { figureKey: mapping?.[1] ?? 'support.lost_lessons_per_100', keyFigureId }, origin),
		postForm(who, `${base}?/unmap`, { figureKey: mapping?.[1] ?? 'x', keyFigureId: mapping?.[2] ?? keyFigureId }, origin),
		postForm(who, `${base}/importera?/confirm`, { batch: batchId }, origin),
		postFile(who, `${base}/importera?/upload`, 'file', 'kolada.csv', file, {}, origin)
	];
	for (const email of [READER, PRINCIPAL, TEACHER, CENTRAL]) {
		const who = await signedInAs(browser, email);
		for (const res of await Promise.all(attempts(who, overview))) expect(res.status(), `${email} ${res.url()}`).toBe(403);
		expect((await get(who, `${overview}/importera?fil=${batchId}`)).status(), email).toBe(403);
	}
	for (const res of await Promise.all(attempts(other, overview))) expect(res.status(), res.url()).toBe(404);
	// Under their own address the demo's file and mapping are unknown to them.
	expect((await postForm(other, `/${otherSlug}/uppfoljning/jamforelsevarden/importera?/confirm`, { batch: batchId })).status()).toBe(404);
	expect((await get(other, `/${otherSlug}/uppfoljning/jamforelsevarden/importera?fil=${batchId}`)).status()).toBe(404);
	for (const res of await Promise.all(attempts(admin, overview, FOREIGN))) expect(res.status(), res.url()).toBe(403);
	// Nothing was written: the same code, the same mapping, the file still waits for its confirmation.
	const after = await html(admin, overview);
	expect(after.match(/name="municipalityCode"[^>]*value="([^"]*)"/)?.[1] ?? '').toBe(code);
	if (mapping) expect(after).toContain(`name="keyFigureId" value="${mapping[2]}"`);
	expect(after).not.toContain(`Q${STAMP}`);
	expect(await html(admin, `${overview}/importera?fil=${batchId}`)).toContain('name="batch"');
});

test('surveys: only those who manage them create, send, close or change the pulse; answers only through one’s own live link', async ({
	browser
}) => {
	const list = `${FU}/enkater`;
	const units = await html(admin, `${list}/ny`);
	const unitId = units.match(new RegExp(`value="([0-9a-f-]{36})"[^>]*>\\s*<label[^>]*>${TEACHER_UNIT}</label>`))?.[1];
	expect(unitId, `the teacher's unit ${TEACHER_UNIT} on the form`).toBeTruthy();
	const form = (title: string) =>
		new URLSearchParams({
			template: 'support_quality',
			titleSv: title,
			titleEn: title,
			anonymous: 'anonymous',
			unitIds: unitId!,
			chain: '',
			maxReminders: '0'
		});
	const create = (who: Attacker, title: string, origin = who.baseURL) =>
		who.request.post(`${list}/ny?/create`, {
			data: form(title).toString(),
			headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			maxRedirects: 0
		});
	const pulseSettings = async () =>
		[...(await html(admin, list)).matchAll(/name="(pulse\w+)"[^>]*?(value="[^"]*"|checked)/g)].map((m) => m[0]);
	const settingsBefore = await pulseSettings();

	const made = await create(admin, `Angreppsenkät ${STAMP}`);
	expect(made.status()).toBe(303);
	const surveyId = made.headers()['location']!.match(/enkater\/([0-9a-f-]{36})/)![1];
	const survey = `${list}/${surveyId}`;
	const question = { kind: 'text', sv: `Kapad fråga ${STAMP}`, en: `Hijacked question ${STAMP}` };
	// The questions' texts in order (the editing forms go away once it is sent).
	const questions = async () =>
		[...(await html(admin, `${survey}/fragor`)).matchAll(/<li><p><strong>([^<]*)<\/strong>/g)].map((m) => m[1]).join('|');
	const questionsBefore = await questions();
	expect(questionsBefore).toContain('Det är lätt att få tag i supporten');
	const teacher = await signedInAs(browser, TEACHER);
	for (const email of [READER, PRINCIPAL, TEACHER]) {
		const who = email === TEACHER ? teacher : await signedInAs(browser, email);
		expect((await create(who, `Kapad enkät ${STAMP}`)).status(), email).toBe(403);
		expect((await postForm(who, `${survey}?/send`, {})).status(), email).toBe(403);
		expect((await postForm(who, `${survey}?/close`, {})).status(), email).toBe(403);
		expect((await postForm(who, `${list}?/pulse`, { pulseEnabled: '', pulseDelayDays: '20', pulseCapDays: '1' })).status(), email).toBe(
			403
		);
		expect((await postForm(who, `${survey}/fragor?/add`, question)).status(), email).toBe(403);
		expect((await postForm(who, `${survey}/fragor?/remove`, { key: 'reach' })).status(), email).toBe(403);
		expect((await postForm(who, `${survey}/fragor?/move`, { key: 'reach', direction: 'down' })).status(), email).toBe(403);
	}
	expect((await postForm(other, `${survey}/fragor?/add`, question)).status()).toBe(404);
	expect((await postForm(other, `/${otherSlug}/uppfoljning/enkater/${surveyId}/fragor?/remove`, { key: 'reach' })).status()).toBe(404);
	expect((await postForm(admin, `${survey}/fragor?/add`, question, FOREIGN)).status()).toBe(403);
	expect((await create(other, `Kapad enkät ${STAMP}`)).status()).toBe(404);
	expect((await postForm(other, `${survey}?/send`, {})).status()).toBe(404);
	expect((await postForm(other, `/${otherSlug}/uppfoljning/enkater/${surveyId}?/send`, {})).status()).toBe(404);
	expect((await get(other, `/${otherSlug}/uppfoljning/enkater/${surveyId}`)).status()).toBe(404);
	expect((await get(other, `/${otherSlug}/uppfoljning/enkater/${surveyId}/resultat.csv`)).status()).toBe(404);
	expect((await create(admin, `Främmande enkät ${STAMP}`, FOREIGN)).status()).toBe(403);
	expect((await postForm(admin, `${survey}?/send`, {}, FOREIGN)).status()).toBe(403);
	expect((await postForm(admin, `${list}?/pulse`, { pulseEnabled: '', pulseDelayDays: '20', pulseCapDays: '1' }, FOREIGN)).status()).toBe(
		403
	);
	// Nothing was created, the draft is still a draft, the pulse settings are as they were.
	const listed = await html(admin, list);
	expect(listed).not.toContain(`Kapad enkät ${STAMP}`);
	expect(listed).not.toContain(`Främmande enkät ${STAMP}`);
	expect(await html(admin, survey)).toContain('action="?/send"');
	expect(await pulseSettings()).toEqual(settingsBefore);
	expect(await questions()).toBe(questionsBefore);

	// Sent: the teacher is invited. Nobody else opens the teacher's invitation, nor does a made-up id.
	expect((await postForm(admin, `${survey}?/send`, {})).status()).toBe(303);
	// Once sent, not even the administrator changes the questions people are answering.
	expect((await postForm(admin, `${survey}/fragor?/add`, question)).status()).toBe(409);
	expect((await postForm(admin, `${survey}/fragor?/remove`, { key: 'reach' })).status()).toBe(409);
	expect(await questions()).toBe(questionsBefore);
	const mine = await html(teacher, '/enkat');
	const invitationId = mine.match(new RegExp(`name="id" value="([0-9a-f-]{36})"\\s*/?>\\s*<strong>Angreppsenkät ${STAMP}`))?.[1];
	expect(invitationId, "the invitation in the teacher's list").toBeTruthy();
	for (const who of [admin, other, await signedInAs(browser, READER)])
		expect((await postForm(who, '/enkat?/open', { id: invitationId! })).status()).toBe(404);
	for (const id of [randomUUID(), 'abc', '']) expect((await postForm(teacher, '/enkat?/open', { id })).status(), `id ${id}`).toBe(404);
	expect((await postForm(teacher, '/enkat?/open', { id: invitationId! }, FOREIGN)).status()).toBe(403);
	const opened = await postForm(teacher, '/enkat?/open', { id: invitationId! });
	expect(opened.status()).toBe(303);
	const link = opened.headers()['location']!;
	expect(link).toMatch(/^\/enkat\/[A-Za-z0-9_-]{16,}$/);
	const answers = { q_reach: '4', q_speed: '4', q_teaching: '5', q_selfhelp: '3', q_channel: 'case', q_improve: '' };
	// The response rate table's row for the teacher's unit: invited, answered.
	const answered = async () => {
		const text = (await html(admin, survey)).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
		return Number(text.match(new RegExp(`${TEACHER_UNIT} (\\d+) (\\d+)`))?.[2] ?? -1);
	};
	expect(await answered()).toBe(0);
	// A made-up link: the page says it is unknown, an answer to it is gone (410), nothing counted.
	const anonymous = { request: (await browser.newContext()).request, baseURL: admin.baseURL };
	for (const token of ['made-up-link-that-is-long-enough', 'x'.repeat(300), link.slice(7, -1)]) {
		expect((await get(anonymous, `/enkat/${token}`)).status()).toBe(200);
		expect((await postForm(anonymous, `/enkat/${token}`, answers)).status(), token).toBe(410);
	}
	// From another site the real link is refused before it is used.
	expect((await postForm(anonymous, link, answers, FOREIGN)).status()).toBe(403);
	expect(await answered()).toBe(0);
	// Answered once; the used link takes no second answer.
	expect((await postForm(anonymous, link, answers)).status()).toBe(303);
	expect(await answered()).toBe(1);
	expect((await postForm(anonymous, link, { ...answers, q_reach: '1' })).status()).toBe(409);
	expect(await answered()).toBe(1);
	// A replaced link: opening from the list again is refused (answered), so the first link was the only one.
	expect((await postForm(teacher, '/enkat?/open', { id: invitationId! })).status()).toBe(404);
	// Closing: not by others; once by the administrator.
	expect((await postForm(other, `/${otherSlug}/uppfoljning/enkater/${surveyId}?/close`, {})).status()).toBe(404);
	expect((await postForm(admin, `${survey}?/close`, {}, FOREIGN)).status()).toBe(403);
	expect((await postForm(admin, `${survey}?/close`, {})).status()).toBe(303);
	expect((await postForm(anonymous, link, answers)).status()).toBe(409);
	expect(await answered()).toBe(1);
});

test('made-up ids on every [id] route of the follow-up area are not found, never a server error', async () => {
	const ids = [randomUUID(), 'not-an-id', "1' OR '1'='1", '0'];
	for (const id of ids) {
		const e = encodeURIComponent(id);
		for (const url of [
			`${FU}/enkater/${e}`,
			`${FU}/enkater/${e}/resultat.csv`,
			`${FU}/enkater/${e}/resultat.xlsx`,
			`${FU}/enkater/${e}/fragor`,
			`${FU}/namndrapport/${e}`,
			`${FU}/namndrapport/${e}/namndrapport.xlsx`,
			`${FU}/jamforelsevarden/importera?fil=${e}`,
			`${FU}?enhet=${e}`,
			`${FU}/verksamhet?enhet=${e}`
		])
			expect((await get(admin, url)).status(), url).toBe(404);
		for (const url of [`${FU}/enkater/${e}?/send`, `${FU}/enkater/${e}?/close`, `${FU}/enkater/${e}/fragor?/remove`])
			expect((await postForm(admin, url, {})).status(), url).toBe(404);
		expect((await postForm(admin, `${FU}/jamforelsevarden/importera?/confirm`, { batch: id })).status(), id).toBe(404);
		expect((await postForm(admin, `${FU}/namndrapport/ny?/removeAsk`, { askId: id })).status(), id).toBe(404);
		expect((await postForm(admin, `${FU}/namndrapport?/removeReader`, { personId: id })).status(), id).toBe(404);
	}
	// Odd query values fall back to defaults instead of failing.
	for (const url of [`${FU}/verksamhet?lasar=%27&steg=x`, `${FU}?lasar=1999/00`, `${FU}/storlekar?lasar=abc`])
		expect((await get(admin, url)).status(), url).toBe(200);
});
