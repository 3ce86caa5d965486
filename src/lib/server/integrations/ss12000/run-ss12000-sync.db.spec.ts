import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildOrgAdmin, buildPerson, buildUnit } from '../../../../../tests/factories';
import { mockId, seedSs12000, startSs12000Mock, type MockServer } from '../../../../../tests/ss12000-mock-server';
import {
	auditEvents,
	memberships,
	passwordCredentials,
	people,
	roleAssignments,
	ss12000Configs,
	ss12000Links,
	units,
	webhookMessages,
	webhookSubscriptions
} from '../../db/schema';
import { hashPassword } from '../../auth/password';
import { signInWithPassword } from '../../auth/sign-in';
import { DEFAULT_ROLE_MAP, DUTY_ROLES } from './role-map';
import { saveSs12000Config } from './save-ss12000-config';
import { runSs12000Sync } from './run-ss12000-sync';

const t = useTestDatabase();
const PERSONS = 240;
const DUTIES = 120;
const LIMIT = 50;
const limits = { perAccount: 100, perIp: 100 };

/** An organizer with a configured mock server (its own tag, so addresses and codes do not meet other suites'). */
async function setUp(tag: string, seed = { persons: PERSONS, duties: DUTIES, groups: 30, schoolUnits: 6 }) {
	const { organizer, actor } = await buildOrgAdmin(t.db);
	const mock = await startSs12000Mock(seedSs12000({ ...seed, tag: `${tag}${organizer.id.slice(0, 6)}` }));
	const values: Record<string, unknown> = { baseUrl: mock.url, authKind: 'bearer', secret: mock.token, syncGroups: 'on' };
	for (const [duty, role] of Object.entries(DEFAULT_ROLE_MAP))
		values[`role_${DUTY_ROLES.indexOf(duty as (typeof DUTY_ROLES)[number])}`] = role;
	await saveSs12000Config(t.db, { actor, organizerId: organizer.id, values });
	return { organizer, actor, mock };
}

const localPerson = (organizerId: string, sourceId: string) =>
	t.db
		.select({ id: people.id, status: people.status, email: people.email, name: people.name, protectedIdentity: people.protectedIdentity })
		.from(ss12000Links)
		.innerJoin(people, eq(people.id, ss12000Links.localId))
		.where(and(eq(ss12000Links.organizerId, organizerId), eq(ss12000Links.entity, 'person'), eq(ss12000Links.sourceId, sourceId)))
		.then((r) => r[0]);

const assignmentOf = (organizerId: string, dutyId: string) =>
	t.db
		.select({ id: roleAssignments.id, role: roleAssignments.role, endsOn: roleAssignments.endsOn, unitId: roleAssignments.unitId })
		.from(ss12000Links)
		.innerJoin(roleAssignments, eq(roleAssignments.id, ss12000Links.localId))
		.where(and(eq(ss12000Links.organizerId, organizerId), eq(ss12000Links.entity, 'duty'), eq(ss12000Links.sourceId, dutyId)))
		.then((r) => r[0]);

const count = async (q: Promise<{ n: number }[]>) => Number((await q)[0].n);

describe('SS 12000 sync against the mock server', () => {
	let s: Awaited<ReturnType<typeof setUp>>;
	const mocks: MockServer[] = [];
	beforeAll(async () => {
		s = await setUp('a');
		mocks.push(s.mock);
	});
	afterAll(async () => {
		for (const m of mocks) await m.close();
	});

	it('shows in a dry run what the first sync would do, and writes nothing', async () => {
		const run = await runSs12000Sync(t.db, { organizerId: s.organizer.id, mode: 'dry_run', limit: LIMIT });
		expect(run.status).toBe('done');
		expect(run.mode).toBe('dry_run');
		expect(run.counts.created).toBe(6 + PERSONS + DUTIES);
		expect(run.examples.created?.length).toBeGreaterThan(0);
		expect(
			await count(
				t.db
					.select({ n: sql<number>`count(*)` })
					.from(units)
					.where(eq(units.organizerId, s.organizer.id))
			)
		).toBe(0);
		expect(
			await count(
				t.db
					.select({ n: sql<number>`count(*)` })
					.from(ss12000Links)
					.where(eq(ss12000Links.organizerId, s.organizer.id))
			)
		).toBe(0);
		const [config] = await t.db.select().from(ss12000Configs).where(eq(ss12000Configs.organizerId, s.organizer.id));
		expect(config.syncedUntil).toBeNull();
		expect(config.resume).toBeNull();
	});

	it('creates units, people with memberships and roles on the first (full) sync, and never stores the civic number', async () => {
		const run = await runSs12000Sync(t.db, { organizerId: s.organizer.id, limit: LIMIT });
		expect(run.status).toBe('done');
		expect(run.mode).toBe('full');
		expect(run.counts).toMatchObject({ created: 6 + PERSONS + DUTIES, deactivated: 0, ended: 0 });
		expect(run.errorCount).toBe(0);
		const unitRows = await t.db.select().from(units).where(eq(units.organizerId, s.organizer.id));
		expect(unitRows.map((u) => u.schoolUnitCode).sort()).toEqual(
			s.mock.state.organisations.flatMap((o) => (o.schoolUnitCode ? [o.schoolUnitCode] : [])).sort()
		);
		expect(
			await count(
				t.db
					.select({ n: sql<number>`count(*)` })
					.from(memberships)
					.where(eq(memberships.organizerId, s.organizer.id))
			)
		).toBe(PERSONS + 1);
		const first = await localPerson(s.organizer.id, mockId('p', 1));
		// The school address, not the private one; the name from given and family name.
		expect(first.email).toBe(s.mock.state.persons[0].emails![1].value);
		expect(first.name).toBe(`Förnamn1 ${s.mock.state.persons[0].familyName}`);
		const principal = await assignmentOf(s.organizer.id, mockId('d', 1));
		expect(principal.role).toBe('principal');
		expect(principal.unitId).toBe(unitRows.find((u) => u.schoolUnitCode === s.mock.state.organisations[1].schoolUnitCode)!.id);
		expect((await assignmentOf(s.organizer.id, mockId('d', 2))).role).toBe('staff');
		const civic = s.mock.state.persons[0].civicNo!.value;
		const leaked = await t.db.execute(sql`SELECT 1 FROM people WHERE email LIKE ${'%' + civic + '%'} OR name LIKE ${'%' + civic + '%'}`);
		expect((Array.isArray(leaked) ? leaked : (leaked as { rows: unknown[] }).rows).length).toBe(0);
		const [config] = await t.db.select().from(ss12000Configs).where(eq(ss12000Configs.organizerId, s.organizer.id));
		expect(config.syncedUntil).not.toBeNull();
		expect(config.resume).toBeNull();
		const audited = await t.db
			.select({ n: sql<number>`count(*)` })
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, s.organizer.id), eq(auditEvents.action, 'person.create')));
		expect(Number(audited[0].n)).toBe(PERSONS);
	});

	it('takes changed, protected and deleted persons and an ended duty in a delta; the deleted person cannot sign in', async () => {
		const gone = await localPerson(s.organizer.id, mockId('p', 3));
		await t.db.insert(passwordCredentials).values({ personId: gone.id, hash: await hashPassword('rätt-lösenord-1') });
		expect((await signInWithPassword(t.db, { email: gone.email, password: 'rätt-lösenord-1', ip: '10.0.0.1', limits })).personId).toBe(
			gone.id
		);

		s.mock.modifyPerson(mockId('p', 2), { givenName: 'Ändrad' });
		s.mock.modifyPerson(mockId('p', 4), { securityMarking: 'Skyddad folkbokföring' });
		s.mock.deletePerson(mockId('p', 3));
		s.mock.endDuty(mockId('d', 5), '2025-01-31');
		const run = await runSs12000Sync(t.db, { organizerId: s.organizer.id, limit: LIMIT });
		expect(run.status).toBe('done');
		expect(run.mode).toBe('delta');
		expect(run.counts).toMatchObject({ created: 0, updated: 2, deactivated: 1 });
		// The deleted person's own duty and the ended one.
		expect(run.counts.ended).toBe(2);
		expect(s.mock.requests.some((r) => r.includes('meta.modified.after='))).toBe(true);

		expect((await localPerson(s.organizer.id, mockId('p', 2))).name).toMatch(/^Ändrad /);
		expect((await localPerson(s.organizer.id, mockId('p', 4))).protectedIdentity).toBe(true);
		expect((await localPerson(s.organizer.id, mockId('p', 3))).status).toBe('inactive');
		expect((await assignmentOf(s.organizer.id, mockId('d', 5))).endsOn).toBe('2025-01-31');
		expect((await assignmentOf(s.organizer.id, mockId('d', 3))).endsOn).not.toBeNull();
		await expect(
			signInWithPassword(t.db, { email: gone.email, password: 'rätt-lösenord-1', ip: '10.0.0.1', limits })
		).rejects.toMatchObject({
			code: 'UNAUTHENTICATED'
		});
	});

	it('asks for changes after the last sync less the overlap, and a second delta with nothing new changes nothing', async () => {
		const run = await runSs12000Sync(t.db, { organizerId: s.organizer.id, limit: LIMIT });
		expect(run.status).toBe('done');
		expect(run.counts).toMatchObject({ created: 0, updated: 0, ended: 0, deactivated: 0 });
	});

	it('gives a person the source deleted and lists again their roles back at the next delta', async () => {
		const source = s.mock.state.persons.find((p) => p.id === mockId('p', 9))!;
		const { meta: _meta, ...copy } = structuredClone(source);
		const before = await assignmentOf(s.organizer.id, mockId('d', 9));
		expect(before.endsOn).toBeNull();

		s.mock.deletePerson(mockId('p', 9));
		const gone = await runSs12000Sync(t.db, { organizerId: s.organizer.id, limit: LIMIT });
		expect(gone.counts).toMatchObject({ deactivated: 1, ended: 1 });
		expect((await assignmentOf(s.organizer.id, mockId('d', 9))).endsOn).not.toBeNull();

		s.mock.addPerson(copy);
		const back = await runSs12000Sync(t.db, { organizerId: s.organizer.id, limit: LIMIT });
		expect(back.status).toBe('done');
		expect(back.counts).toMatchObject({ created: 0, updated: 2 });
		expect((await localPerson(s.organizer.id, mockId('p', 9))).status).toBe('active');
		const again = await assignmentOf(s.organizer.id, mockId('d', 9));
		expect(again.id).toBe(before.id);
		expect(again.endsOn).toBeNull();
		expect(s.mock.requests.some((r) => r.includes(`/duties?`) && r.includes(`person=${mockId('p', 9)}`))).toBe(true);
		const [config] = await t.db
			.select({ resume: ss12000Configs.resume })
			.from(ss12000Configs)
			.where(eq(ss12000Configs.organizerId, s.organizer.id));
		expect(config.resume).toBeNull();
	});

	it('deactivates on a full sync a person the source no longer lists, without /deletedEntities', async () => {
		s.mock.state.persons.splice(
			s.mock.state.persons.findIndex((p) => p.id === mockId('p', 7)),
			1
		);
		const run = await runSs12000Sync(t.db, { organizerId: s.organizer.id, mode: 'full', limit: LIMIT });
		expect(run.status).toBe('done');
		expect(run.counts.deactivated).toBe(1);
		expect((await localPerson(s.organizer.id, mockId('p', 7))).status).toBe('inactive');
	});
});

describe('SS 12000 sync when the server fails half-way', () => {
	const mocks: MockServer[] = [];
	afterAll(async () => {
		for (const m of mocks) await m.close();
	});

	for (const kind of ['malformed', 'timeout'] as const) {
		it(`leaves nothing of a ${kind} page and resumes there on the next run`, async () => {
			const s = await setUp(kind === 'malformed' ? 'm' : 't');
			mocks.push(s.mock);
			s.mock.fail('/persons', 2, kind);
			// The mock runs in this process, so a busy machine delays its answers too: the timeout leaves room for that.
			const failed = await runSs12000Sync(t.db, { organizerId: s.organizer.id, limit: LIMIT, timeoutMs: 3000 });
			expect(failed.status).toBe('failed');
			expect(failed.failure).toMatch(kind === 'malformed' ? /malformed/ : /timeout/);
			// Exactly the two good pages of persons, each whole.
			const linked = await t.db
				.select({ n: sql<number>`count(*)` })
				.from(ss12000Links)
				.where(and(eq(ss12000Links.organizerId, s.organizer.id), eq(ss12000Links.entity, 'person')));
			expect(Number(linked[0].n)).toBe(2 * LIMIT);
			expect(
				await count(
					t.db
						.select({ n: sql<number>`count(*)` })
						.from(memberships)
						.where(eq(memberships.organizerId, s.organizer.id))
				)
			).toBe(2 * LIMIT + 1);
			const [config] = await t.db.select().from(ss12000Configs).where(eq(ss12000Configs.organizerId, s.organizer.id));
			expect(config.resume).toMatchObject({ phase: 'persons', mode: 'full' });
			expect(config.syncedUntil).toBeNull();

			const before = s.mock.requests.length;
			const resumed = await runSs12000Sync(t.db, { organizerId: s.organizer.id, limit: LIMIT, timeoutMs: 10_000 });
			expect(resumed.status).toBe('done');
			expect(resumed.resumed).toBe(true);
			expect(resumed.mode).toBe('full');
			expect(resumed.counts.created).toBe(PERSONS - 2 * LIMIT + DUTIES);
			// It started at the failed page: no organisations and no first pages again.
			expect(s.mock.requests.slice(before)[0]).toMatch(/^GET \/v2\.0\/persons\?limit=50&pageToken=/);
			expect(
				await count(
					t.db
						.select({ n: sql<number>`count(*)` })
						.from(memberships)
						.where(eq(memberships.organizerId, s.organizer.id))
				)
			).toBe(PERSONS + 1);
		});
	}
});

describe('SS 12000 sync and other people and organizers', () => {
	const mocks: MockServer[] = [];
	afterAll(async () => {
		for (const m of mocks) await m.close();
	});

	it("leaves another organizer's people and units alone, and reports a person who belongs to another organizer", async () => {
		const other = await buildOrgAdmin(t.db);
		const otherUnit = await buildUnit(t.db, { organizerId: other.organizer.id, name: 'Annan skola' });
		const s = await setUp('o', { persons: 10, duties: 5, groups: 0, schoolUnits: 2 });
		mocks.push(s.mock);
		// A person of the other organizer whose address the source also has.
		const theirs = await buildPerson(t.db, {
			email: s.mock.state.persons[0].emails![1].value,
			name: 'Deras person',
			memberOf: other.organizer.id
		});
		const run = await runSs12000Sync(t.db, { organizerId: s.organizer.id, limit: 4 });
		expect(run.status).toBe('done');
		// The person is reported with the source's id, and so is their duty (it has no person here), by message keys
		// that the page shows in the reader's language.
		expect(run.errors).toEqual([
			{ entity: 'person', sourceId: mockId('p', 1), key: 'ss12000_problem_other_organizer' },
			{ entity: 'duty', sourceId: mockId('d', 1), key: 'ss12000_problem_duty_no_person' }
		]);
		const [after] = await t.db.select().from(people).where(eq(people.id, theirs.id));
		expect(after).toMatchObject({ name: 'Deras person', status: 'active' });
		const theirMemberships = await t.db.select().from(memberships).where(eq(memberships.personId, theirs.id));
		expect(theirMemberships.map((m) => m.organizerId)).toEqual([other.organizer.id]);
		const [unitAfter] = await t.db.select().from(units).where(eq(units.id, otherUnit.id));
		expect(unitAfter.name).toBe('Annan skola');
		const otherAssignments = await t.db
			.select()
			.from(roleAssignments)
			.where(and(eq(roleAssignments.organizerId, other.organizer.id), inArray(roleAssignments.personId, [theirs.id])));
		expect(otherAssignments).toEqual([]);
	});
});

describe('the sync.finished webhook event', () => {
	it('is queued when a real sync ends, with its outcome and counts, and not for a dry run', async () => {
		const w = await setUp('w', { persons: 4, duties: 2, groups: 0, schoolUnits: 1 });
		try {
			await t.db.insert(webhookSubscriptions).values({
				organizerId: w.organizer.id,
				url: 'https://mottagare.example.test/in',
				events: ['sync.finished'],
				secretSealed: 'x',
				createdById: w.actor.personId
			});
			const queued = () => t.db.select().from(webhookMessages).where(eq(webhookMessages.organizerId, w.organizer.id));
			await runSs12000Sync(t.db, { organizerId: w.organizer.id, mode: 'dry_run', limit: LIMIT });
			expect(await queued()).toEqual([]);
			const run = await runSs12000Sync(t.db, { organizerId: w.organizer.id, limit: LIMIT });
			const [message, ...more] = await queued();
			expect(more).toEqual([]);
			expect(message.eventType).toBe('sync.finished');
			expect(message.data).toMatchObject({ runId: run.id, mode: 'full', status: 'done', counts: { created: 1 + 4 + 2 } });
		} finally {
			await w.mock.close();
		}
	});
});
