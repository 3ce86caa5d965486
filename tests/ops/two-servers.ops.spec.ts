// Covers: two built servers on one PostgreSQL (sessions, form posts, sign-in limits, background jobs).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	freePort,
	opsSkipReason,
	startRoundRobinProxy,
	startServer,
	startThrowawayPostgres,
	type RunningServer,
	type ThrowawayPostgres
} from './ops-harness';

/**
 * Two Rödtråd servers against one PostgreSQL behind a round-robin proxy, as `README.md` ("Fler servrar") describes:
 * sessions, forms, sign-in limits and background jobs live in the database, so either server may take any request.
 */
const skip = opsSkipReason();
if (skip) console.warn(skip);

const ADMIN = { email: 'drift@tvaservrar.example', password: 'tva-servrar-drift-2026' };

describe.skipIf(skip)('two servers behind a round-robin proxy', () => {
	let db: ThrowawayPostgres;
	let client: pg.Client;
	let servers: RunningServer[] = [];
	let proxy: { url: string; close: () => Promise<void> };
	let origin: string;
	let cookie = '';
	let slug = '';

	const form = (url: string, fields: Record<string, string>, extra: Record<string, string> = {}) =>
		fetch(url, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', ...extra },
			body: new URLSearchParams(fields).toString()
		});
	const sessionOf = (res: Response) =>
		res.headers
			.getSetCookie()
			.find((c) => c.startsWith('rodtrad_session='))
			?.split(';')[0] ?? '';
	const count = async (text: string, values: unknown[] = []) => Number((await client.query(text, values)).rows[0].n);

	beforeAll(async () => {
		db = await startThrowawayPostgres();
		const proxyPort = await freePort();
		origin = `http://127.0.0.1:${proxyPort}`;
		// The servers know the public address (the proxy's) as they would behind a real one; both run the jobs.
		const env = { DATABASE_URL: db.url, DATABASE_POOL_SIZE: '3', ORIGIN: origin, RODTRAD_JOBS: 'on', LOGIN_LIMIT_ACCOUNT: '3' };
		// Both at once on the empty database: one migrates (and installs pg-boss) while the other waits for it.
		servers = await Promise.all([startServer(env, { waitFor200: true }), startServer(env, { waitFor200: true })]);
		proxy = await startRoundRobinProxy(
			servers.map((s) => s.port),
			proxyPort
		);
		client = new pg.Client({ connectionString: db.url });
		await client.connect();
	}, 150_000);

	afterAll(async () => {
		await client?.end();
		await proxy?.close();
		await Promise.all(servers.map((s) => s.stop()));
		db?.destroy();
	});

	it('installs once through the proxy, and the session made on one server works on the other', async () => {
		const res = await form(`${proxy.url}/installera`, {
			name: 'Tvåservrars kommun',
			kind: 'kommun',
			orgNumber: '',
			municipalityCode: '',
			adminName: 'Drift Ansvarig',
			adminEmail: ADMIN.email,
			password: ADMIN.password
		});
		expect(res.status).toBe(303);
		slug = res.headers.get('location')!.slice(1);
		cookie = sessionOf(res);
		expect(cookie).not.toBe('');
		expect(await count('select count(*) as n from organizers')).toBe(1);

		for (const s of servers) {
			const page = await fetch(`${s.url}/${slug}`, { redirect: 'manual', headers: { cookie } });
			expect(page.status, `server on ${s.port}`).toBe(200);
			expect(await page.text()).toContain('Tvåservrars kommun');
		}
	});

	it('lands each form posted to either server exactly once', async () => {
		const upstreams = new Set<string>();
		for (const name of ['Förvaltning via proxyn 1', 'Förvaltning via proxyn 2', 'Förvaltning via proxyn 3', 'Förvaltning via proxyn 4']) {
			const res = await form(
				`${proxy.url}/${slug}/admin/enheter/ny?/create`,
				{ name, kind: 'forvaltning', parentId: '', schoolUnitCode: '' },
				{ cookie }
			);
			expect(res.status, name).toBe(303);
			upstreams.add(res.headers.get('x-upstream')!);
		}
		expect(upstreams).toEqual(new Set(['0', '1']));
		const rows = (
			await client.query(
				"select name, count(*)::int as n from units where name like 'Förvaltning via proxyn %' group by name order by name"
			)
		).rows;
		expect(rows).toEqual([1, 2, 3, 4].map((i) => ({ name: `Förvaltning via proxyn ${i}`, n: 1 })));
	});

	it('counts failed sign-ins across both servers', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 6; i++) {
			const res = await form(`${proxy.url}/logga-in`, { email: ADMIN.email, password: `fel-losenord-${i}-xyz` });
			statuses.push(res.status);
			await res.arrayBuffer();
		}
		// With the limit counted per process, each server would have seen only 3 of the 6 and refused none.
		const firstRefusal = statuses.indexOf(429);
		expect(firstRefusal, statuses.join(',')).toBeGreaterThanOrEqual(2);
		expect(firstRefusal, statuses.join(',')).toBeLessThanOrEqual(3);
		expect(statuses.slice(firstRefusal).every((s) => s === 429)).toBe(true);
	});

	it('runs each background job once per turn, though both servers run the jobs', async () => {
		// Both servers' queues start (pg-boss installs its schema on the first start); /healthz says so.
		for (const s of servers) {
			const until = Date.now() + 60_000;
			let jobs = '';
			while (jobs !== 'running' && Date.now() < until) {
				jobs = ((await (await fetch(`${s.url}/healthz`)).json()) as { jobs: string }).jobs;
				if (jobs !== 'running') await new Promise((r) => setTimeout(r, 500));
			}
			expect(jobs, `jobs on server ${s.port}: ${s.output()}`).toBe('running');
		}
		// The outbox job is due every minute; wait for one turn to complete.
		const deadline = Date.now() + 100_000;
		while ((await count("select count(*) as n from pgboss.job where name = 'mail-outbox' and state = 'completed'")) === 0) {
			if (Date.now() > deadline) throw new Error('no mail-outbox job completed within 100 s');
			await new Promise((r) => setTimeout(r, 2000));
		}
		const duplicates = (
			await client.query(`select name, date_trunc('minute', created_on) as minute, count(*)::int as n from pgboss.job
				where name in ('mail-outbox', 'support-sla-refresh', 'support-housekeeping') group by 1, 2 having count(*) > 1`)
		).rows;
		expect(duplicates).toEqual([]);
		expect(await count("select count(*) as n from pgboss.job where name = 'mail-outbox' and retry_count > 0")).toBe(0);
	}, 120_000);
});
