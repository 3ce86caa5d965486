// Covers: the review package import (/[org]/appar/register/granskning), loaner pools, device import, the course catalog, the school-unit register, SAML providers, licence holders, SS 12000 notifications; the device register's forms (/[org]/utrustning/skanna, /[org]/utrustning/[deviceId], /[org]/utrustning/ny),
// the integration settings (/[org]/admin/inloggning/ny, /[org]/admin/api, /[org]/admin/webhooks, /[org]/admin/ss12000)
// and the REST API (/api/v1/...), as an attacker would try them.
/**
 * The newer areas attacked over HTTP on the demo server: forms posted by roles that may not, another organizer's
 * administrator reaching for the demo organizer's records by id, made-up ids, posts from another site, a webhook
 * aimed at this machine, and the API reached with a browser session instead of a key. After each attempt a check
 * that nothing was written. The domain rules themselves are tested in the db tier; this file tests the wiring.
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
const OTHER = { name: `Kopplingsby skola ${STAMP}`, email: `admin-${STAMP}@kopplingsby.example`, password: 'kopplingsbys långa lösenord' };

const get = (who: Attacker, url: string) => who.request.get(url, { maxRedirects: 0 });
const refused = [403, 404];
/** A page's main content (the rest carries a fresh script nonce on every answer). */
const mainOf = async (who: Attacker, url: string) => (await (await get(who, url)).text()).match(/<main[\s\S]*<\/main>/)?.[0];

let admin: Attacker;
let other: Attacker;
let otherSlug = '';
/** Signed in once each, one after another (several sign-ins at once are slow on a loaded machine). */
const people: Record<'teacher' | 'reader' | 'supplier' | 'principal' | 'leader', Attacker> = {} as never;

test.beforeAll(async ({ browser }) => {
	admin = await as(browser, emailOf('org_admin'));
	const created = await post(admin, '/system?/create', {
		name: OTHER.name,
		kind: 'enskild',
		orgNumber: '',
		municipalityCode: '',
		adminName: 'Kim Koppling',
		adminEmail: OTHER.email,
		password: OTHER.password
	});
	expect(created.status()).toBe(303);
	otherSlug = decodeURIComponent(created.headers()['location']!.match(/skapad=([^&]+)/)![1]);
	other = await as(browser, OTHER.email, OTHER.password);
	people.teacher = await as(browser, emailOf('staff ('));
	people.reader = await as(browser, emailOf('reader'));
	people.supplier = await as(browser, emailOf('supplier'));
	people.principal = await as(browser, emailOf('principal ('));
	people.leader = await as(browser, emailOf('leadership'));
});

test('a device is handed out, re-classed or added only by those who manage it, never across organizers or sites', async () => {
	const list = await (await get(admin, `${ORG}/utrustning`)).text();
	const deviceId = list.match(/\/utrustning\/([0-9a-f-]{36})"/)?.[1];
	expect(deviceId, 'the demo has devices').toBeTruthy();
	const page = `${ORG}/utrustning/${deviceId}`;
	const before = await mainOf(admin, page);
	expect(before).toContain('<h1>');
	const tag = `ANGREPP-${STAMP}`;
	const scrap = { status: 'scrapped', note: 'angrepp', occurredOn: '', policeReport: '' };
	for (const [who, attacker] of Object.entries(people)) {
		expect(refused, `scan as ${who}`).toContain(
			(await post(attacker, `${ORG}/utrustning/skanna?/handOut`, { person: OTHER.email, tag })).status()
		);
		expect(refused, `status as ${who}`).toContain((await post(attacker, `${page}?/status`, scrap)).status());
		expect(refused, `new device as ${who}`).toContain((await post(attacker, `${ORG}/utrustning/ny?/create`, { tag })).status());
	}
	// Another organizer's administrator: the demo device under their own address is not found, and the demo's is not theirs.
	expect((await post(other, `/${otherSlug}/utrustning/${deviceId}?/status`, scrap)).status()).toBe(404);
	expect(refused).toContain((await post(other, `${page}?/status`, scrap)).status());
	// Made-up and malformed ids, and a post from another site, as the administrator.
	expect((await post(admin, `${ORG}/utrustning/${randomUUID()}?/status`, scrap)).status()).toBe(404);
	expect((await post(admin, `${ORG}/utrustning/not-a-device?/status`, scrap)).status()).toBe(404);
	expect((await post(admin, `${page}?/status`, scrap, 'https://angripare.example')).status()).toBe(403);
	// Nothing was written: the device page reads as before, and no device has the attacker's tag.
	expect(await mainOf(admin, page)).toBe(before);
	// (the search field shows the tag typed; a listed device would show it as a cell's text)
	expect(await mainOf(admin, `${ORG}/utrustning?sok=${tag}`)).not.toContain(`>${tag}<`);
});

test('sign-in providers, API keys, webhooks and the SS 12000 settings are changed by the organization administrator alone', async () => {
	const name = `Angrepp ${STAMP}`;
	const forms: [string, Record<string, string>][] = [
		[`${ORG}/admin/inloggning/ny?/create`, { kind: 'generic', displayName: name, issuer: 'https://idp.angripare.example', clientId: name }],
		[`${ORG}/admin/api?/create`, { name, lifetimeDays: '30', units: 'read', people: 'write' }],
		[`${ORG}/admin/webhooks?/create`, { url: `https://angripare.example/${STAMP}`, events: 'case.created' }],
		[`${ORG}/admin/ss12000?/save`, { baseUrl: 'https://ss12000.angripare.example', authKind: 'bearer', secret: name }]
	];
	for (const [who, attacker] of Object.entries(people))
		for (const [url, form] of forms) expect(refused, `${url} as ${who}`).toContain((await post(attacker, url, form)).status());
	// Another organizer's administrator is an administrator, but not here; and the demo's administrator not from another site.
	for (const [url, form] of forms) {
		expect(refused, `${url} as the other administrator`).toContain((await post(other, url, form)).status());
		expect((await post(admin, url, form, 'https://angripare.example')).status(), `${url} from another site`).toBe(403);
	}
	// Nothing was written.
	for (const path of ['inloggning', 'api', 'webhooks'])
		expect(await (await get(admin, `${ORG}/admin/${path}`)).text(), path).not.toContain(STAMP);
	expect(await (await get(admin, `${ORG}/admin/ss12000`)).text()).not.toContain('ss12000.angripare.example');
});

test('a webhook aimed at this machine or the private network is refused beside the field, and none is saved', async () => {
	for (const url of [
		'http://127.0.0.1:9/hook',
		'http://localhost/hook',
		'http://10.0.0.8/hook',
		'http://169.254.169.254/latest',
		'file:///etc/passwd'
	]) {
		const res = await post(admin, `${ORG}/admin/webhooks?/create`, { url: `${url}?${STAMP}`, events: 'case.created' });
		expect(res.status(), url).toBe(400);
		expect(await res.text(), url).toContain('aria-invalid="true"');
	}
	expect(await (await get(admin, `${ORG}/admin/webhooks`)).text()).not.toContain(STAMP);
});

test('the API answers only to a key: not to a signed-in browser, a made-up key, or another organizer’s key', async ({ browser }) => {
	const units = await admin.request.get('/api/v1/units');
	expect(units.status(), 'a browser session is not an API key').toBe(401);
	expect(units.headers()['content-type']).toContain('application/problem+json');
	const created = await admin.request.post('/api/v1/cases', {
		data: { title: `Angrepp ${STAMP}`, description: 'x' },
		headers: { origin: 'https://angripare.example' }
	});
	expect([401, 403], 'nor does a cross-site post with the session cookie write').toContain(created.status());
	const anonymous = (await browser.newContext()).request;
	for (const key of ['rdt_finnsinte', 'Bearer', "' OR 1=1 --", 'x'.repeat(5000)])
		expect((await anonymous.get('/api/v1/units', { headers: { authorization: `Bearer ${key}` } })).status()).toBe(401);
	// The other organizer's administrator makes a key for their own organizer; it reads their units, never the demo's.
	const made = await post(other, `/${otherSlug}/admin/api?/create`, {
		name: `Nyckel ${STAMP}`,
		lifetimeDays: '30',
		units: 'read',
		cases: 'read'
	});
	expect(made.status()).toBe(200);
	const key = (await made.text()).match(/rdt_[A-Za-z0-9_-]{20,}/)?.[0];
	expect(key, 'the new key is shown once').toBeTruthy();
	const bearer = { authorization: `Bearer ${key}` };
	expect((await anonymous.get('/api/v1/units', { headers: bearer })).status()).toBe(200);
	const demoUnits = await (await get(admin, `${ORG}/admin/enheter`)).text();
	const demoUnitId = demoUnits.match(/\/admin\/enheter\/([0-9a-f-]{36})/)?.[1];
	expect(demoUnitId, 'a demo unit id').toBeTruthy();
	expect((await anonymous.get(`/api/v1/units/${demoUnitId}`, { headers: bearer })).status()).toBe(404);
	expect(await (await anonymous.get('/api/v1/units', { headers: bearer })).text()).not.toContain(demoUnitId!);
	expect((await anonymous.get('/api/v1/cases/1', { headers: bearer })).status()).toBe(404);
});

test('the tool register, key people’s capacity and the competence plan are written only by those who run them', async () => {
	const register = await (await get(admin, `${ORG}/appar/register`)).text();
	const toolId = register.match(/\/appar\/register\/([0-9a-f-]{36})"/)?.[1];
	expect(toolId, 'the demo has tools').toBeTruthy();
	const tool = `${ORG}/appar/register/${toolId}`;
	const before = await mainOf(admin, tool);
	expect(before).toContain('<h1>');
	const name = `Angreppsappen ${STAMP}`;
	const decide = { decision: 'approved', schoolForms: 'gr', yearFrom: '1', yearTo: '9', reason: name };
	const forms: [string, Record<string, string>][] = [
		[`${ORG}/appar/register/ny?/create`, { name, vendor: name, kind: 'app' }],
		[`${tool}?/decide`, decide],
		[`${tool}?/save`, { name, vendor: name, kind: 'app' }],
		[`${ORG}/appar/licenser?/pool`, { toolId: toolId!, seats: '200', period: '2026', price: '1' }],
		[`${ORG}/appar/klassning?/save`, { title: name, text: name }],
		[`${ORG}/kapacitet/ny?/create`, { personId: randomUUID(), hoursPerWeek: '40', note: name }],
		[`${ORG}/kompetens/steg?/save`, { title: name, yearGroup: '4', aspect: 'use' }]
	];
	for (const who of ['teacher', 'reader', 'supplier'] as const)
		for (const [url, form] of forms) expect(refused, `${url} as ${who}`).toContain((await post(people[who], url, form)).status());
	// Another organizer's administrator, by the demo tool's id under both addresses; made-up ids; another site.
	expect((await post(other, `/${otherSlug}/appar/register/${toolId}?/decide`, decide)).status()).toBe(404);
	expect(refused).toContain((await post(other, `${tool}?/decide`, decide)).status());
	expect((await post(admin, `${ORG}/appar/register/${randomUUID()}?/decide`, decide)).status()).toBe(404);
	expect((await post(admin, `${ORG}/appar/register/not-a-tool?/decide`, decide)).status()).toBe(404);
	expect((await post(admin, `${tool}?/decide`, decide, 'https://angripare.example')).status()).toBe(403);
	// Nothing was written.
	expect(await mainOf(admin, tool)).toBe(before);
	for (const path of ['appar/register', 'appar/licenser', 'appar/klassning', 'kapacitet', 'kompetens'])
		expect(await mainOf(admin, `${ORG}/${path}`), path).not.toContain(STAMP);
});

test('a review package is checked and added to the register only by those who run it, never from another organizer', async () => {
	// A package the administrator could add: exported from a new entry, which is then renamed so the package's name is free.
	const name = `Granskningsprovet ${STAMP}`;
	const created = await post(admin, `${ORG}/appar/register/ny?/create`, { name, vendor: 'Provbolaget', kind: 'app', signIn: 'sso' });
	expect(created.status()).toBe(303);
	const tool = created.headers()['location']!.split('?')[0];
	const exported = await get(admin, `${tool}/granskning.json`);
	expect(exported.status()).toBe(200);
	const pkg = Buffer.from(await exported.text());
	expect(
		(await post(admin, `${tool}?/save`, { name: `Ursprunget ${STAMP}`, vendor: 'Provbolaget', kind: 'app', signIn: 'sso' })).status()
	).toBe(200);
	const upload = (who: Attacker, url: string, origin = who.baseURL) =>
		who.request.post(url, {
			multipart: { file: { name: `granskning-${STAMP}.json`, mimeType: 'application/json', buffer: pkg } },
			headers: { origin, accept: 'text/html' },
			maxRedirects: 0
		});
	const checked = await upload(admin, `${ORG}/appar/register/granskning?/check`);
	expect(checked.status()).toBe(303);
	const batch = checked.headers()['location']!.match(/fil=([0-9a-f-]{36})/)![1];
	const preview = `${ORG}/appar/register/granskning?fil=${batch}`;
	const add = `${preview}&/add`;
	const before = await mainOf(admin, preview);
	expect(before).toContain(`Granskningen av ${name}`);

	// Roles that may not manage the register: neither checking a file nor adding the administrator's checked one.
	for (const who of ['teacher', 'reader', 'supplier', 'principal', 'leader'] as const) {
		expect(refused, `check as ${who}`).toContain((await upload(people[who], `${ORG}/appar/register/granskning?/check`)).status());
		expect(refused, `add as ${who}`).toContain((await post(people[who], add, {})).status());
	}
	// Another organizer's administrator: the batch under their own address and under the demo's; another site.
	expect((await post(other, `/${otherSlug}/appar/register/granskning?fil=${batch}&/add`, {})).status()).toBe(404);
	expect(refused).toContain((await post(other, add, {})).status());
	expect(refused).toContain((await upload(other, `${ORG}/appar/register/granskning?/check`)).status());
	expect((await post(admin, add, {}, 'https://angripare.example')).status()).toBe(403);
	// Nothing was written: the package is still waiting, unchanged, and the register has no entry of its name.
	expect(await mainOf(admin, preview)).toBe(before);
	expect(await mainOf(admin, `${ORG}/appar/register`)).not.toContain(name);
	// The same post by the administrator adds it: the refusals above were about who asked, not about the package.
	expect((await post(admin, add, {})).status()).toBe(303);
	expect(await mainOf(admin, `${ORG}/appar/register`)).toContain(name);
});

test('loaner pools, courses, the school-unit register, SAML providers, licence holders and device imports refuse the wrong hands', async ({
	browser
}) => {
	const licences = await (await get(admin, `${ORG}/appar/licenser`)).text();
	const licencePoolId = licences.match(/\/appar\/licenser\/([0-9a-f-]{36})"/)?.[1];
	expect(licencePoolId, 'the demo has a licence pool').toBeTruthy();
	const catalog = await (await get(admin, `${ORG}/kompetens/kurser`)).text();
	const courseId = catalog.match(/\/kompetens\/kurser\/([0-9a-f-]{36})"/)?.[1];
	expect(courseId, 'the demo has a course').toBeTruthy();
	const name = `Angrepp ${STAMP}`;
	const assign = { personId: randomUUID(), unitId: '' };
	const forms: [string, Record<string, string>][] = [
		[`${ORG}/utrustning/lanepooler?/create`, { name, unitId: '' }],
		[`${ORG}/utrustning/importera?/confirm`, { batch: randomUUID() }],
		[`${ORG}/kompetens/kurser/ny?/save`, { kind: 'short', title: name, parts: 'uppgift: angrepp' }],
		[`${ORG}/kompetens/kurser/${courseId}?/archive`, {}],
		[`${ORG}/admin/skolenhetsregistret?/apply`, { source: 'organization', value: '2120000000' }],
		[`${ORG}/admin/inloggning/ny-saml?/create`, { kind: 'skolfederation', displayName: name, metadataXml: '<x/>' }],
		[`${ORG}/appar/licenser/${licencePoolId}?/assign`, assign]
	];
	for (const who of ['teacher', 'reader', 'supplier'] as const)
		for (const [url, form] of forms) expect(refused, `${url} as ${who}`).toContain((await post(people[who], url, form)).status());
	// The demo's licence pool by id, from another organizer and from another site; a made-up pool.
	expect((await post(other, `/${otherSlug}/appar/licenser/${licencePoolId}?/assign`, assign)).status()).toBe(404);
	expect(refused).toContain((await post(other, `${ORG}/appar/licenser/${licencePoolId}?/assign`, assign)).status());
	expect((await post(admin, `${ORG}/appar/licenser/${randomUUID()}?/assign`, assign)).status()).toBe(404);
	expect((await post(admin, `${ORG}/appar/licenser/${licencePoolId}?/assign`, assign, 'https://angripare.example')).status()).toBe(403);
	// An SS 12000 notification to an address that was never handed out names nothing.
	const anonymous = (await browser.newContext()).request;
	expect((await anonymous.post(`/api/ss12000/notifications/${STAMP}`, { data: {} })).status()).toBe(404);
	// Nothing was written.
	for (const path of ['utrustning/lanepooler', 'kompetens/kurser', 'admin/inloggning'])
		expect(await mainOf(admin, `${ORG}/${path}`), path).not.toContain(STAMP);
});
