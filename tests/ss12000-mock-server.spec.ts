import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { mockId, seedSs12000, startSs12000Mock, type MockServer } from './ss12000-mock-server';

/**
 * The mock SS 12000 server answers as the shipped OpenAPI file says (decision 051): every answer the sync reads is
 * validated against the response schema of its path, with the file's own $refs resolved by Ajv.
 */
const specFile = path.resolve(import.meta.dirname, '../docs/standards/ss12000-openapi-2.1.0.yaml');

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(parse(fs.readFileSync(specFile, 'utf8')), 'ss12000');
const pointer = (p: string) => p.replaceAll('~', '~0').replaceAll('/', '~1');
/** The validator of a path's answer: `GET /persons` 200 → its schema in the file. */
const responseOf = (method: string, route: string, status: string) =>
	ajv.compile({ $ref: `ss12000#/paths/${pointer(route)}/${method}/responses/${status}/content/application~1json/schema` });

describe('the mock SS 12000 server against the OpenAPI file', () => {
	let mock: MockServer;
	const get = async (route: string, init: RequestInit = {}) => {
		const res = await fetch(`${mock.url}${route}`, { ...init, headers: { authorization: `Bearer ${mock.token}`, ...init.headers } });
		return { status: res.status, body: (await res.json()) as unknown };
	};
	const expectValid = (validate: ReturnType<typeof responseOf>, body: unknown) => {
		const ok = validate(body);
		expect(ok ? [] : validate.errors?.slice(0, 3)).toEqual([]);
	};

	beforeAll(async () => {
		mock = await startSs12000Mock(seedSs12000({ persons: 12, duties: 8, groups: 4, schoolUnits: 3, tag: 'spec' }));
		mock.deletePerson(mockId('p', 12));
		mock.deleteDuty(mockId('d', 8));
		mock.endDuty(mockId('d', 1), '2025-06-30');
	});
	afterAll(async () => {
		await mock.close();
	});

	for (const [route, query] of [
		['/organisations', 'limit=2'],
		['/persons', 'limit=5'],
		['/duties', 'limit=3'],
		['/groups', 'limit=2'],
		['/deletedEntities', 'limit=1&entities=Person&entities=Duty&after=2020-01-01T00:00:00Z'],
		['/persons', 'meta.modified.after=2020-01-01T00:00:00Z&limit=100']
	]) {
		it(`answers GET ${route}?${query} as the standard describes, on every page`, async () => {
			const validate = responseOf('get', route, '200');
			let page = await get(`${route}?${query}`);
			let pages = 0;
			for (;;) {
				expect(page.status).toBe(200);
				expectValid(validate, page.body);
				pages++;
				const token = (page.body as { pageToken?: string | null }).pageToken;
				if (!token) break;
				page = await get(`${route}?limit=${new URLSearchParams(query).get('limit')}&pageToken=${token}`);
			}
			expect(pages).toBeGreaterThan(0);
		});
	}

	it('answers a request without the right token with an Error', async () => {
		const res = await fetch(`${mock.url}/persons`, { headers: { authorization: 'Bearer fel' } });
		expect(res.status).toBe(403);
		expectValid(responseOf('get', '/persons', '403'), await res.json());
	});

	it('answers POST /subscriptions with a Subscription', async () => {
		const res = await get('/subscriptions', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ name: 'rodtrad', target: 'http://127.0.0.1:9/hook', resourceTypes: [{ resource: 'Person' }] })
		});
		expect(res.status).toBe(201);
		expectValid(responseOf('post', '/subscriptions', '201'), res.body);
	});

	it('has a checker that refuses what the standard does not allow (a malformed page)', async () => {
		mock.fail('/persons', 0, 'malformed');
		const page = await get('/persons?limit=5');
		expect(responseOf('get', '/persons', '200')(page.body)).toBe(false);
	});
});
