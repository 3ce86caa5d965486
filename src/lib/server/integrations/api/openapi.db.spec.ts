import { describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildTicket, buildUnit } from '../../../../../tests/factories';
import { callApi } from '../../../../../tests/api-request';
import { buildOpenApiDocument } from './openapi';
import { API_OPERATIONS } from './operations';
import { createApiToken } from './tokens/create-api-token';
import * as unitsRoute from '../../../../routes/api/v1/units/+server';
import * as unitRoute from '../../../../routes/api/v1/units/[id]/+server';
import * as peopleRoute from '../../../../routes/api/v1/people/+server';
import * as personRoute from '../../../../routes/api/v1/people/[id]/+server';
import * as casesRoute from '../../../../routes/api/v1/cases/+server';
import * as caseRoute from '../../../../routes/api/v1/cases/[number]/+server';
import * as repliesRoute from '../../../../routes/api/v1/cases/[number]/replies/+server';
import * as roundsRoute from '../../../../routes/api/v1/assessment/rounds/+server';
import * as resultsRoute from '../../../../routes/api/v1/assessment/rounds/[roundId]/results/+server';
import * as plansRoute from '../../../../routes/api/v1/plans/+server';
import * as actionsRoute from '../../../../routes/api/v1/plans/[planId]/actions/+server';
import { buildRound } from '../../../../../tests/factories';
import { createAction } from '../../planning/create-action';
import { findPlans } from '../../planning/find-plans';
import { periodOf } from '../../planning/period';

const t = useTestDatabase();
const doc = buildOpenApiDocument('http://localhost:3000');

/** The route module of each documented path: a new operation without a route here fails the spec. */
const ROUTES: Record<string, Record<string, (event: never) => Response | Promise<Response>>> = {
	'/units': unitsRoute,
	'/units/{id}': unitRoute,
	'/people': peopleRoute,
	'/people/{id}': personRoute,
	'/cases': casesRoute,
	'/cases/{number}': caseRoute,
	'/cases/{number}/replies': repliesRoute,
	'/assessment/rounds': roundsRoute,
	'/assessment/rounds/{roundId}/results': resultsRoute,
	'/plans': plansRoute,
	'/plans/{planId}/actions': actionsRoute
};

type Responses = Record<string, { content?: Record<string, { schema: object }> }>;

/** Checks a body against the documented schema of that status and content type (components resolved). */
function conforms(path: string, method: string, status: number, type: string | null, body: unknown) {
	const op = (doc.paths[path] as Record<string, { responses: Responses }>)[method.toLowerCase()];
	const documented = op.responses[String(status)];
	expect(documented, `${method} ${path} documents ${status}`).toBeDefined();
	const media = type?.split(';')[0] ?? '';
	const schema = documented.content?.[media]?.schema;
	expect(schema, `${method} ${path} ${status} documents ${media}`).toBeDefined();
	const ajv = new Ajv2020({ strict: false, validateFormats: false });
	ajv.addSchema({ $id: 'doc', components: doc.components });
	const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/')));
	const ok = validate(body);
	expect(ok, `${method} ${path} ${status}: ${JSON.stringify(validate.errors)}`).toBe(true);
}

describe('the OpenAPI document', () => {
	it('is a valid OpenAPI 3.1 document', async () => {
		const validator = new Validator();
		const result = await validator.validate(doc as never);
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
		expect(validator.version).toBe('3.1');
	});

	it('documents every operation, and every documented path has a route', () => {
		expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(ROUTES).sort());
		for (const op of API_OPERATIONS) expect(ROUTES[op.path][op.method], `${op.method} ${op.path}`).toBeTypeOf('function');
	});

	it('answers every route as documented, in status and shape', async () => {
		const organizer = await buildOrganizer(t.db);
		const unit = await buildUnit(t.db, { organizerId: organizer.id });
		const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: organizer.id }]);
		const staff = await buildActor(t.db, [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }]);
		const person = await buildPerson(t.db, { memberOf: organizer.id });
		const { ticket } = await buildTicket(t.db, { organizerId: organizer.id, unitId: unit.id, requester: staff });
		const round = await buildRound(t.db, { organizer, units: [unit], closedAt: new Date() });
		await createAction(t.db, {
			actor: admin,
			organizerId: organizer.id,
			input: { scope: unit.id, title: 'Kontraktets aktivitet', responsibleId: admin.personId }
		} as never);
		const planId = (await findPlans(t.db, { actor: admin, organizerId: organizer.id, period: periodOf() })).find(
			(p) => p.total > 0
		)!.planId!;
		const levels = { units: 'read', people: 'read', cases: 'write', assessment: 'read', planning: 'read' } as const;
		const { secret: orgToken } = await createApiToken(t.db, {
			actor: admin,
			organizerId: organizer.id,
			kind: 'organizer',
			input: { name: 'Kontrakt', lifetimeDays: 30, ...levels }
		});
		const { secret: staffToken } = await createApiToken(t.db, {
			actor: staff,
			organizerId: organizer.id,
			kind: 'personal',
			input: { name: 'Kontrakt', lifetimeDays: 30, cases: 'write' }
		});
		const n = String(ticket.number);
		const newCase = { chain: 'technical', unitId: unit.id, title: 'Nätverket i aulan', description: 'Inget wifi.', urgency: 'high' };
		const calls: {
			path: string;
			method: string;
			status: number;
			url: string;
			params?: Record<string, string>;
			body?: unknown;
			token?: string;
		}[] = [
			{ path: '/units', method: 'GET', status: 200, url: '/units' },
			{ path: '/units/{id}', method: 'GET', status: 200, url: `/units/${unit.id}`, params: { id: unit.id } },
			{ path: '/units/{id}', method: 'GET', status: 404, url: `/units/${crypto.randomUUID()}`, params: { id: crypto.randomUUID() } },
			{ path: '/people', method: 'GET', status: 200, url: '/people?limit=5' },
			{ path: '/people', method: 'GET', status: 400, url: '/people?limit=0' },
			{ path: '/people/{id}', method: 'GET', status: 200, url: `/people/${person.id}`, params: { id: person.id } },
			{ path: '/cases', method: 'GET', status: 200, url: '/cases?status=new' },
			{ path: '/cases', method: 'GET', status: 401, url: '/cases', token: 'rdt_wrong' },
			{ path: '/cases/{number}', method: 'GET', status: 200, url: `/cases/${n}`, params: { number: n } },
			{ path: '/cases/{number}', method: 'GET', status: 404, url: '/cases/999999', params: { number: '999999' } },
			{ path: '/cases', method: 'POST', status: 201, url: '/cases', body: newCase },
			{ path: '/cases', method: 'POST', status: 400, url: '/cases', body: { ...newCase, urgency: 'yesterday' } },
			{
				path: '/cases/{number}/replies',
				method: 'POST',
				status: 201,
				url: `/cases/${n}/replies`,
				params: { number: n },
				body: { body: 'Tack!' },
				token: staffToken
			},
			{
				path: '/cases/{number}/replies',
				method: 'POST',
				status: 403,
				url: `/cases/${n}/replies`,
				params: { number: n },
				body: { body: 'Hej' },
				token: (
					await createApiToken(t.db, {
						actor: staff,
						organizerId: organizer.id,
						kind: 'personal',
						input: { name: 'Läs', lifetimeDays: 0, cases: 'read' }
					})
				).secret
			}
		];
		calls.push(
			{ path: '/assessment/rounds', method: 'GET', status: 200, url: '/assessment/rounds' },
			{
				path: '/assessment/rounds/{roundId}/results',
				method: 'GET',
				status: 200,
				url: `/assessment/rounds/${round.id}/results`,
				params: { roundId: round.id }
			},
			{
				path: '/assessment/rounds/{roundId}/results',
				method: 'GET',
				status: 404,
				url: '/assessment/rounds/x/results',
				params: { roundId: 'x' }
			},
			{ path: '/plans', method: 'GET', status: 200, url: '/plans' },
			{ path: '/plans', method: 'GET', status: 400, url: '/plans?period=nu' },
			{ path: '/plans/{planId}/actions', method: 'GET', status: 200, url: `/plans/${planId}/actions`, params: { planId } }
		);
		const covered = new Set<string>();
		for (const c of calls) {
			const res = await callApi(t.db, ROUTES[c.path][c.method], {
				path: c.url,
				params: c.params,
				body: c.body,
				token: c.token ?? orgToken,
				method: c.method
			});
			expect(res.status, `${c.method} ${c.url}: ${JSON.stringify(res.body)}`).toBe(c.status);
			conforms(c.path, c.method, res.status, res.type, res.body);
			if (c.status < 300) covered.add(`${c.method} ${c.path}`);
		}
		expect([...covered].sort()).toEqual(API_OPERATIONS.map((o) => `${o.method} ${o.path}`).sort());
	});
});
