/**
 * Issue 12, findings 5, 6, 8 and 9, as attacks on the demo server: each test fails if its finding comes back.
 * Requests that must look as if they came from another address leave from another loopback address
 * (127.0.0.x), so a lock-out here never reaches the other tests, which all come from 127.0.0.1.
 */
import { request as httpRequest } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { DEMO_PASSWORD, signIn } from '../helpers';
import { mailsTo, nextMailTo, resetLinkIn } from '../mail';

test.describe.configure({ mode: 'serial' });

const ORG = DEMO_SLUG;
const demoSignIns = planDemo().people.filter((p) => p.signIn);
const ADMIN = demoSignIns.find((p) => p.signIn === 'org_admin')!;
const KEY_PERSON = demoSignIns.find((p) => p.signIn!.startsWith('technical_key_person'))!;
const students = demoSignIns.filter((p) => p.signIn!.startsWith('student'));
const guardians = demoSignIns.filter((p) => p.signIn!.startsWith('guardian'));

type Answer = { status: number; location: string | null; body: string; ms: number };

/**
 * A request to the demo server from a chosen loopback address, with a same-origin Origin header (as a browser's
 * form post has), so SvelteKit's CSRF check lets it through to what is being tested.
 */
function send(
	baseURL: string,
	path: string,
	opts: { from?: string; method?: string; body?: string | Buffer; type?: string; cookie?: string } = {}
): Promise<Answer> {
	const url = new URL(path, baseURL);
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const req = httpRequest(
			url,
			{
				method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
				localAddress: opts.from ?? '127.0.0.1',
				headers: {
					origin: url.origin,
					...(opts.type ? { 'content-type': opts.type } : {}),
					...(opts.cookie ? { cookie: opts.cookie } : {}),
					accept: 'text/html'
				}
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						location: (res.headers.location as string) ?? null,
						body: Buffer.concat(chunks).toString('utf8'),
						ms: performance.now() - started
					})
				);
			}
		);
		req.on('error', reject);
		if (opts.body !== undefined) req.write(opts.body);
		req.end();
	});
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = 'application/x-www-form-urlencoded';
const signInFrom = (baseURL: string, from: string, email: string, password: string) =>
	send(baseURL, '/logga-in', { from, body: form({ email, password }), type: FORM });

test('finding 6: sixty successful sign-ins from one address (a school behind NAT) do not lock out the sixty-first', async ({ baseURL }) => {
	test.setTimeout(180_000);
	const people = [...students, ...guardians];
	for (let i = 0; i < 61; i++) {
		const p = people[i % people.length];
		const answer = await signInFrom(baseURL!, '127.0.0.61', p.email, DEMO_PASSWORD);
		expect(answer.status, `sign-in ${i + 1} (${p.email})`).toBe(303);
		expect(answer.location).not.toContain('logga-in');
	}
});

test('finding 6: five failures from one address lock the account there, even with the right password; other addresses still get in', async ({
	baseURL
}) => {
	const victim = students[students.length - 1];
	for (let i = 0; i < 5; i++) expect((await signInFrom(baseURL!, '127.0.0.66', victim.email, 'fel lösenord')).status).toBe(400);
	const sixth = await signInFrom(baseURL!, '127.0.0.66', victim.email, DEMO_PASSWORD);
	expect(sixth.status).toBe(429);
	expect(sixth.body).toContain('För många');
	// The attacker's address is the one held back: the pupil at school signs in.
	expect((await signInFrom(baseURL!, '127.0.0.67', victim.email, DEMO_PASSWORD)).status).toBe(303);
});

test('finding 6: an e-mail of a megabyte, or of 150 000 characters, is an ordinary refusal, not a 500', async ({ baseURL }) => {
	const huge = await signInFrom(baseURL!, '127.0.0.68', 'a'.repeat(1_000_000) + '@exempel.se', 'x');
	expect(huge.status).toBe(400);
	const long = await signInFrom(baseURL!, '127.0.0.68', 'a'.repeat(150_000) + '@exempel.se', 'x');
	expect(long.status).toBe(400);
	expect(long.body).toContain('stämmer inte');
});

test('finding 8: redirectTo never leaves the site and never gives a 500', async ({ page, baseURL }) => {
	await signIn(page, ADMIN.email, DEMO_PASSWORD);
	const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	for (const payload of [
		'/%09/evil.example',
		'/%0a/evil.example',
		'/%0d/evil.example',
		'/%00',
		'//evil.example',
		'/%5Cevil.example',
		'/\\evil.example',
		'https://evil.example',
		'/%2F/evil.example'
	]) {
		const answer = await send(baseURL!, `/logga-in?redirectTo=${payload}`, { cookie });
		expect(answer.status, payload).toBeLessThan(500);
		if (answer.status >= 300 && answer.status < 400) {
			const target = new URL(answer.location!, baseURL);
			expect(target.origin, payload).toBe(new URL(baseURL!).origin);
			expect(answer.location!.startsWith('//'), payload).toBe(false);
			// eslint-disable-next-line no-control-regex -- the point: no control character may reach the Location header
			expect(answer.location!, payload).not.toMatch(/[\u0000-\u001f\\]/);
		} else expect(answer.status, payload).toBe(400);
	}
	// And in the browser, the tab trick lands on the site.
	await page.goto('/logga-in?redirectTo=/%09/evil.example');
	expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
});

test('finding 8: a broken multipart body and a NUL character in a sign-in field get 400 with a message', async ({ baseURL }) => {
	const broken = await send(baseURL!, '/logga-in', {
		body: '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\nhej',
		type: 'multipart/form-data; boundary=x'
	});
	expect(broken.status).toBe(400);
	expect(broken.body).toContain('kunde inte läsas');
	const nul = await send(baseURL!, '/logga-in', {
		from: '127.0.0.69',
		body: form({ email: 'a\u0000@exempel.se', password: 'x' }),
		type: FORM
	});
	expect(nul.status).toBe(400);
	expect(nul.body).toContain('styrtecken');
	const latin1 = await send(baseURL!, '/logga-in', { body: Buffer.from('email=%E5sa%40exempel.se&password=x'), type: FORM });
	expect(latin1.status).toBe(400);
	expect(latin1.body).toContain('UTF-8');
});

/** Every POST form on a page, with its fields as the page would send them. */
async function formsOn(page: Page) {
	return page.locator('form[method="POST" i]').evaluateAll((forms) =>
		(forms as HTMLFormElement[]).map((f) => ({
			action: f.action,
			fields: [...new FormData(f).entries()].filter((e): e is [string, string] => typeof e[1] === 'string'),
			text: [...f.querySelectorAll('textarea, input[type="text"], input:not([type])')]
				.map((el) => (el as HTMLInputElement).name)
				.filter(Boolean)
		}))
	);
}

test('finding 8: a NUL character gets 400 on the handling page’s forms (reply, handling note, conclusion) and in the people search', async ({
	page,
	baseURL
}) => {
	await signIn(page, KEY_PERSON.email, DEMO_PASSWORD);
	const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	await page.goto(`/${ORG}/support/ko`);
	const hrefs = await page
		.getByRole('main')
		.locator('a')
		.evaluateAll((links) => (links as HTMLAnchorElement[]).map((a) => a.getAttribute('href') ?? ''));
	const href = hrefs.find((h) => /\/support\/\d+$/.test(h));
	expect(href, 'a case in the key person’s queue').toBeTruthy();
	await page.goto(href!);
	const forms = (await formsOn(page)).filter((f) => f.text.length);
	const actions = forms.map((f) => new URL(f.action).search);
	for (const wanted of ['?/answer', '?/note', '?/solve']) expect(actions, wanted).toContain(wanted);
	for (const f of forms) {
		const body = new URLSearchParams(f.fields);
		for (const name of f.text) body.set(name, `hej\u0000då`);
		const answer = await send(baseURL!, f.action, { body: body.toString(), type: FORM, cookie });
		expect(answer.status, f.action).toBe(400);
	}
	// The people search (an administrator's page) and the queue search: the same 400, before any query runs.
	for (const path of [`/${ORG}/admin/personer?q=%00`, `/${ORG}/admin/personer?q=a%00b`, `/${ORG}/support/ko?q=%00`]) {
		expect((await send(baseURL!, path, { cookie })).status, path).toBe(400);
	}
});

test('finding 5: a reset mail reaches its recipient, and the administrator sees it in the outbox without the link', async ({ page }) => {
	const person = guardians[0];
	const mail = await nextMailTo(person.email, async () => {
		await page.goto('/glomt-losenord');
		await page.getByLabel('E-postadress').fill(person.email);
		await page.getByRole('button', { name: 'Skicka länk' }).click();
		await expect(page.getByRole('status')).toContainText('Om det finns ett konto');
	});
	const link = resetLinkIn(mail);
	await signIn(page, ADMIN.email, DEMO_PASSWORD);
	await page.goto(`/${ORG}/admin/utkorg`);
	await page.getByRole('row').filter({ hasText: person.email }).first().getByRole('link').first().click();
	await expect(page.getByText('Innehållet visas inte')).toBeVisible();
	const html = await page.content();
	expect(html).not.toContain(new URL(link).pathname);
	expect(html).not.toContain('aterstall-losenord/');
});

test('finding 9: "Glömt lösenord" answers as fast for an existing account as for an unknown one', async ({ baseURL }) => {
	test.setTimeout(120_000);
	const known = demoSignIns.filter((p) => p.email !== ADMIN.email && !guardians.slice(0, 1).includes(p)).slice(0, 6);
	const times = { known: [] as number[], unknown: [] as number[] };
	// Warm up the page once, then alternate; each address once (3 requests per address per hour are allowed).
	await send(baseURL!, '/glomt-losenord', { from: '127.0.0.90', body: form({ email: 'uppvarmning@exempel.se' }), type: FORM });
	for (let i = 0; i < known.length; i++) {
		for (const [kind, email] of [
			['known', known[i].email],
			['unknown', `finns.inte.${i}.${Date.now()}@exempel.se`]
		] as const) {
			const answer = await send(baseURL!, '/glomt-losenord', { from: '127.0.0.90', body: form({ email }), type: FORM });
			expect(answer.status).toBe(303);
			times[kind].push(answer.ms);
			await new Promise((r) => setTimeout(r, 400));
		}
	}
	const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
	const [k, u] = [median(times.known), median(times.unknown)];
	console.log(`glomt-losenord median: existing ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms`);
	// Before the fix the existing accounts took 3–5 times as long; allow noise on a busy machine.
	expect(k).toBeLessThan(u * 1.5 + 15);
	// The links were written all the same.
	await expect.poll(async () => (await mailsTo(known[0].email)).length, { timeout: 20_000 }).toBeGreaterThan(0);
});

test('finding 9: a twelve-character password of one letter, or a common one, is refused with a clear message', async ({ page }) => {
	const person = guardians[1] ?? students[0];
	const mail = await nextMailTo(person.email, async () => {
		await page.goto('/glomt-losenord');
		await page.getByLabel('E-postadress').fill(person.email);
		await page.getByRole('button', { name: 'Skicka länk' }).click();
		await expect(page.getByRole('status')).toContainText('Om det finns ett konto');
	});
	await page.goto(new URL(resetLinkIn(mail)).pathname);
	for (const weak of ['aaaaaaaaaaaa', 'qwerty123456']) {
		await page.getByLabel('Nytt lösenord', { exact: true }).fill(weak);
		await page.getByLabel('Upprepa det nya lösenordet').fill(weak);
		await page.getByRole('button', { name: 'Spara det nya lösenordet' }).click();
		await expect(page.getByRole('alert')).toContainText('för lätt att gissa');
	}
});
