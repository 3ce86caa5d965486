import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildTicket, buildUnit } from '../../../../../tests/factories';
import { callApi } from '../../../../../tests/api-request';
import { apiTokens, auditEvents, tickets } from '../../db/schema';
import { createApiToken } from './tokens/create-api-token';
import { revokeApiToken } from './tokens/revoke-api-token';
import type { Actor } from '../../policies';
import type { ApiTokenInput } from './tokens/token-input';
import * as unitsRoute from '../../../../routes/api/v1/units/+server';
import * as unitRoute from '../../../../routes/api/v1/units/[id]/+server';
import * as peopleRoute from '../../../../routes/api/v1/people/+server';
import * as personRoute from '../../../../routes/api/v1/people/[id]/+server';
import * as casesRoute from '../../../../routes/api/v1/cases/+server';
import * as caseRoute from '../../../../routes/api/v1/cases/[number]/+server';
import * as repliesRoute from '../../../../routes/api/v1/cases/[number]/replies/+server';

const t = useTestDatabase();

async function tokenFor(
	actor: Actor,
	organizerId: string,
	levels: Partial<ApiTokenInput> = {},
	kind: 'personal' | 'organizer' = 'personal'
) {
	const { secret, token } = await createApiToken(t.db, {
		actor,
		organizerId,
		kind,
		input: { name: 'Test', lifetimeDays: 30, ...levels }
	});
	return { secret, token };
}

async function world() {
	const organizer = await buildOrganizer(t.db);
	const unit = await buildUnit(t.db, { organizerId: organizer.id });
	const otherUnit = await buildUnit(t.db, { organizerId: organizer.id });
	const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: organizer.id }]);
	const staff = await buildActor(t.db, [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }]);
	return { organizer, unit, otherUnit, admin, staff };
}

describe('API tokens', () => {
	it('stores only a hash of the secret and records the making in the audit log', async () => {
		const { organizer, staff } = await world();
		const { secret, token } = await tokenFor(staff, organizer.id, { cases: 'read' });
		expect(secret).toMatch(/^rdt_/);
		const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
		expect(row.tokenHash).not.toContain(secret.slice(4));
		expect(row.scopes).toEqual(['cases:read']);
		const audit = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, token.id), eq(auditEvents.action, 'api_token.create')));
		expect(audit).toHaveLength(1);
		expect(JSON.stringify(audit[0].changes)).not.toContain(secret);
	});

	it('refuses an organizer token to anyone but the organization administrator', async () => {
		const { organizer, staff } = await world();
		await expect(tokenFor(staff, organizer.id, { cases: 'read' }, 'organizer')).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});

	it('refuses a token without a scope, with the error beside the scopes', async () => {
		const { organizer, staff } = await world();
		await expect(tokenFor(staff, organizer.id, {})).rejects.toMatchObject({ code: 'INVALID', issues: [{ field: 'scopes' }] });
	});

	it('answers 401 without a token, with an unknown one, an expired one and a revoked one, and stamps last use', async () => {
		const { organizer, staff } = await world();
		expect((await callApi(t.db, unitsRoute.GET, { path: '/units' })).status).toBe(401);
		expect((await callApi(t.db, unitsRoute.GET, { path: '/units', token: 'rdt_nonsense' })).status).toBe(401);
		const { secret, token } = await tokenFor(staff, organizer.id, { units: 'read' });
		const ok = await callApi(t.db, unitsRoute.GET, { path: '/units', token: secret });
		expect(ok.status).toBe(200);
		const [used] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
		expect(used.lastUsedAt).toBeInstanceOf(Date);
		await t.db
			.update(apiTokens)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(apiTokens.id, token.id));
		const expired = await callApi(t.db, unitsRoute.GET, { path: '/units', token: secret });
		expect(expired.status).toBe(401);
		expect(expired.type).toBe('application/problem+json');
		const other = await tokenFor(staff, organizer.id, { units: 'read' });
		await revokeApiToken(t.db, { actor: staff, tokenId: other.token.id });
		expect((await callApi(t.db, unitsRoute.GET, { path: '/units', token: other.secret })).status).toBe(401);
	});

	it('lets only the owner revoke a personal token; for anyone else it does not exist', async () => {
		const { organizer, staff, admin } = await world();
		const { token } = await tokenFor(staff, organizer.id, { units: 'read' });
		await expect(revokeApiToken(t.db, { actor: admin, tokenId: token.id, organizerId: organizer.id })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
	});

	it('stops a personal token when its person loses their last role at the organizer', async () => {
		const organizer = await buildOrganizer(t.db);
		const person = await buildPerson(t.db, { roles: [{ role: 'staff', organizerId: organizer.id, endsOn: '2999-12-31' }] });
		const actor = (await import('../../auth/load-actor')).loadActor;
		const { secret } = await tokenFor((await actor(t.db, person.id))!, organizer.id, { units: 'read' });
		expect((await callApi(t.db, unitsRoute.GET, { path: '/units', token: secret })).status).toBe(200);
		const { roleAssignments } = await import('../../db/schema');
		await t.db.update(roleAssignments).set({ endsOn: '2000-01-01' }).where(eq(roleAssignments.personId, person.id));
		expect((await callApi(t.db, unitsRoute.GET, { path: '/units', token: secret })).status).toBe(401);
	});

	it('stops an organizer token when the administrator who made it is no longer one', async () => {
		const { organizer, admin } = await world();
		const { secret } = await tokenFor(admin, organizer.id, { units: 'read' }, 'organizer');
		expect((await callApi(t.db, unitsRoute.GET, { path: '/units', token: secret })).status).toBe(200);
		const { roleAssignments } = await import('../../db/schema');
		await t.db.update(roleAssignments).set({ endsOn: '2000-01-01' }).where(eq(roleAssignments.personId, admin.personId));
		expect((await callApi(t.db, unitsRoute.GET, { path: '/units', token: secret })).status).toBe(401);
	});

	it('answers 429 with Retry-After past the rate limit, counted in the database per token', async () => {
		const { organizer, staff } = await world();
		const { secret } = await tokenFor(staff, organizer.id, { units: 'read' });
		const { serveOperation } = await import('./serve-operation');
		const { listUnits } = await import('./operations');
		const call = () =>
			callApi(t.db, ((event: never) => serveOperation(listUnits, event, { rateLimit: 2 })) as never, { path: '/units', token: secret });
		expect((await call()).status).toBe(200);
		expect((await call()).status).toBe(200);
		const limited = await call();
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(limited.body).toMatchObject({ status: 429, title: expect.any(String) });
	});
});

describe('API scopes and roles', () => {
	it('answers 403 for an operation outside the token’s scopes', async () => {
		const { organizer, staff } = await world();
		const { secret } = await tokenFor(staff, organizer.id, { units: 'read' });
		const res = await callApi(t.db, casesRoute.GET, { path: '/cases', token: secret });
		expect(res.status).toBe(403);
		expect(res.body).toMatchObject({ status: 403, detail: expect.stringContaining('cases:read') });
	});

	it('never gives a personal token more than its person: staff may not list people', async () => {
		const { organizer, staff, admin } = await world();
		const staffToken = await tokenFor(staff, organizer.id, { people: 'read' });
		expect((await callApi(t.db, peopleRoute.GET, { path: '/people', token: staffToken.secret })).status).toBe(403);
		const adminToken = await tokenFor(admin, organizer.id, { people: 'read' });
		expect((await callApi(t.db, peopleRoute.GET, { path: '/people', token: adminToken.secret })).status).toBe(200);
	});

	it('shows a staff member only their own cases, as the UI does, and an organizer token all of them', async () => {
		const { organizer, unit, staff, admin } = await world();
		const mine = await buildTicket(t.db, { organizerId: organizer.id, unitId: unit.id, requester: staff });
		const theirs = await buildTicket(t.db, { organizerId: organizer.id, unitId: unit.id });
		const staffToken = await tokenFor(staff, organizer.id, { cases: 'read' });
		const listed = await callApi(t.db, casesRoute.GET, { path: '/cases', token: staffToken.secret });
		expect(listed.body!.items!.map((c) => c.number)).toEqual([mine.ticket.number]);
		const hidden = await callApi(t.db, caseRoute.GET, {
			path: `/cases/${theirs.ticket.number}`,
			params: { number: String(theirs.ticket.number) },
			token: staffToken.secret
		});
		expect(hidden.status).toBe(404);
		const orgToken = await tokenFor(admin, organizer.id, { cases: 'read' }, 'organizer');
		const all = await callApi(t.db, casesRoute.GET, { path: '/cases', token: orgToken.secret });
		expect(all.body!.items!.map((c) => c.number)).toEqual([theirs.ticket.number, mine.ticket.number]);
	});

	it('answers 404 for another organizer’s unit, person and case', async () => {
		const a = await world();
		const b = await world();
		const theirCase = await buildTicket(t.db, { organizerId: b.organizer.id, unitId: b.unit.id });
		const { secret } = await tokenFor(a.admin, a.organizer.id, { units: 'read', people: 'read', cases: 'read' }, 'organizer');
		const unit = await callApi(t.db, unitRoute.GET, { path: `/units/${b.unit.id}`, params: { id: b.unit.id }, token: secret });
		expect(unit.status).toBe(404);
		expect(unit.type).toBe('application/problem+json');
		const person = await callApi(t.db, personRoute.GET, {
			path: `/people/${b.staff.personId}`,
			params: { id: b.staff.personId },
			token: secret
		});
		expect(person.status).toBe(404);
		const own = await callApi(t.db, unitRoute.GET, { path: `/units/${a.unit.id}`, params: { id: a.unit.id }, token: secret });
		expect(own.status).toBe(200);
		const n = String(theirCase.ticket.number);
		const listed = await callApi(t.db, casesRoute.GET, { path: '/cases', token: secret });
		expect(listed.body!.items!.some((c) => c.unitId === b.unit.id)).toBe(false);
		// The same number may exist at both organizers; the case found is always the caller's own or none.
		const read = await callApi(t.db, caseRoute.GET, { path: `/cases/${n}`, params: { number: n }, token: secret });
		if (read.status === 200) expect(read.body!.unitId).not.toBe(b.unit.id);
		else expect(read.status).toBe(404);
	});

	it('leaves out people with protected identity for a caller who may not see them, as the people page does', async () => {
		const { organizer, admin } = await world();
		const hidden = await buildPerson(t.db, { memberOf: organizer.id, protectedIdentity: true });
		const principal = await buildActor(t.db, [{ role: 'leadership', organizerId: organizer.id }]);
		for (const [actor, expected] of [
			[admin, true],
			[principal, false]
		] as const) {
			const { secret } = await tokenFor(actor, organizer.id, { people: 'read' });
			let seen = false;
			let after: string | undefined;
			let readable = false;
			for (let page = 0; page < 20; page++) {
				const res = await callApi(t.db, peopleRoute.GET, { path: `/people?limit=100${after ? `&after=${after}` : ''}`, token: secret });
				if (res.status !== 200) break;
				readable = true;
				seen ||= res.body!.items!.some((p) => p.id === hidden.id);
				after = (res.body!.nextCursor as string | null) ?? undefined;
				if (!after) break;
			}
			expect(readable).toBe(true);
			expect(seen).toBe(expected);
			const one = await callApi(t.db, personRoute.GET, { path: `/people/${hidden.id}`, params: { id: hidden.id }, token: secret });
			expect(one.status).toBe(expected ? 200 : 404);
		}
	});
});

describe('API cases', () => {
	it('pages cases by keyset and filters them by status, unit and chain', async () => {
		const { organizer, unit, otherUnit, admin } = await world();
		for (let i = 0; i < 3; i++) await buildTicket(t.db, { organizerId: organizer.id, unitId: unit.id });
		await buildTicket(t.db, { organizerId: organizer.id, unitId: otherUnit.id, input: { chain: 'pedagogical' } });
		const { secret } = await tokenFor(admin, organizer.id, { cases: 'read' });
		const first = await callApi(t.db, casesRoute.GET, { path: '/cases?limit=2', token: secret });
		expect(first.body!.items).toHaveLength(2);
		const second = await callApi(t.db, casesRoute.GET, { path: `/cases?limit=2&after=${first.body!.nextCursor}`, token: secret });
		expect(second.body!.items).toHaveLength(2);
		expect(second.body!.nextCursor).toBeNull();
		const numbers = [...first.body!.items!, ...second.body!.items!].map((c) => c.number as number);
		expect(numbers).toEqual([...numbers].sort((x, y) => y - x));
		expect(new Set(numbers).size).toBe(4);
		const byUnit = await callApi(t.db, casesRoute.GET, { path: `/cases?unit=${otherUnit.id}`, token: secret });
		expect(byUnit.body!.items!.map((c) => c.chain)).toEqual(['pedagogical']);
		const byChain = await callApi(t.db, casesRoute.GET, { path: '/cases?chain=technical&status=new', token: secret });
		expect(byChain.body!.items).toHaveLength(3);
		const bad = await callApi(t.db, casesRoute.GET, { path: '/cases?status=unheard_of', token: secret });
		expect(bad.status).toBe(400);
		expect(bad.body).toMatchObject({ errors: [{ field: 'status' }] });
	});

	it('files a case and a reply through the same functions as the forms, audited as the person', async () => {
		const { organizer, unit, staff } = await world();
		const { secret } = await tokenFor(staff, organizer.id, { cases: 'write' });
		const created = await callApi(t.db, casesRoute.POST, {
			path: '/cases',
			token: secret,
			body: { chain: 'technical', unitId: unit.id, title: 'Skrivaren i B-huset', description: 'Den drar in två ark.', urgency: 'normal' }
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ title: 'Skrivaren i B-huset', status: 'new', requesterId: staff.personId });
		const n = String(created.body!.number);
		const reply = await callApi(t.db, repliesRoute.POST, {
			path: `/cases/${n}/replies`,
			params: { number: n },
			token: secret,
			body: { body: 'Nu drar den tre.' }
		});
		expect(reply.status).toBe(201);
		const audit = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.actorId, staff.personId), eq(auditEvents.entityType, 'ticket')));
		expect(audit.map((a) => a.action).sort()).toEqual(['ticket.create', 'ticket.respond']);
	});

	it('refuses an invalid body with problem+json and field errors, writes nothing and audits the attempt', async () => {
		const { organizer, unit, staff } = await world();
		const { secret, token } = await tokenFor(staff, organizer.id, { cases: 'write' });
		const before = await t.db.select({ id: tickets.id }).from(tickets).where(eq(tickets.organizerId, organizer.id));
		const res = await callApi(t.db, casesRoute.POST, {
			path: '/cases',
			token: secret,
			body: { chain: 'plumbing', unitId: unit.id, title: 'x', description: '', urgency: 'normal' }
		});
		expect(res.status).toBe(400);
		expect(res.type).toBe('application/problem+json');
		expect(res.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: 400, detail: expect.any(String) });
		const fields = (res.body!.errors as { field: string; message: string }[]).map((e) => e.field).sort();
		expect(fields).toEqual(['chain', 'description', 'title']);
		expect((res.body!.errors as { message: string }[]).every((e) => !e.message.includes('_error_'))).toBe(true);
		const after = await t.db.select({ id: tickets.id }).from(tickets).where(eq(tickets.organizerId, organizer.id));
		expect(after).toHaveLength(before.length);
		const [refused] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, token.id), eq(auditEvents.action, 'api.refused')));
		expect(refused.changes).toMatchObject({ operation: 'createCase', reason: 'invalid' });
		const broken = await callApi(t.db, casesRoute.POST, { path: '/cases', token: secret, rawBody: '{"title":' });
		expect(broken.status).toBe(400);
		const unknownUnit = await callApi(t.db, casesRoute.POST, {
			path: '/cases',
			token: secret,
			body: { chain: 'technical', unitId: crypto.randomUUID(), title: 'Skrivaren', description: 'Trasig.', urgency: 'normal' }
		});
		expect(unknownUnit.status).toBe(400);
		expect(unknownUnit.body).toMatchObject({ errors: [{ field: 'unitId' }] });
	});

	it('does not let a read token write', async () => {
		const { organizer, unit, staff } = await world();
		const { secret } = await tokenFor(staff, organizer.id, { cases: 'read' });
		const res = await callApi(t.db, casesRoute.POST, {
			path: '/cases',
			token: secret,
			body: { chain: 'technical', unitId: unit.id, title: 'Skrivaren', description: 'Trasig.', urgency: 'normal' }
		});
		expect(res.status).toBe(403);
	});
});
