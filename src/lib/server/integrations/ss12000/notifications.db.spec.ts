// Covers: ensureSs12000Subscription, receiveSs12000Notification, the mock server's subscriptions and notifications.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildOrgAdmin } from '../../../../../tests/factories';
import { mockId, seedSs12000, startSs12000Mock, type MockServer } from '../../../../../tests/ss12000-mock-server';
import { auditEvents, people, ss12000Configs, ss12000Links, units } from '../../db/schema';
import { hashToken } from '../../auth/tokens';
import { AppError } from '../../errors';
import { DEFAULT_ROLE_MAP, DUTY_ROLES } from './role-map';
import { saveSs12000Config } from './save-ss12000-config';
import { runSs12000Sync } from './run-ss12000-sync';
import { clientForConfig } from './config-client';
import { ensureSs12000Subscription } from './ensure-ss12000-subscription';
import { receiveSs12000Notification } from './receive-ss12000-notification';

const t = useTestDatabase();

/** Stands in for the route: POST /api/ss12000/notifications/<token> → the domain function → 202 or 404. */
async function startReceiver() {
	const server = http.createServer(async (req, res) => {
		const token = /^\/api\/ss12000\/notifications\/([^/]+)$/.exec(req.url ?? '')?.[1] ?? '';
		try {
			await receiveSs12000Notification(t.db, { token });
			res.writeHead(202).end();
		} catch (e) {
			res.writeHead(e instanceof AppError && e.code === 'NOT_FOUND' ? 404 : 500).end();
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => new Promise((r) => server.close(r)) };
}

async function setUp(tag: string, opts: Parameters<typeof startSs12000Mock>[1] = {}) {
	const { organizer, actor } = await buildOrgAdmin(t.db);
	const mock = await startSs12000Mock(
		seedSs12000({ persons: 6, duties: 4, groups: 0, schoolUnits: 2, tag: `${tag}${organizer.id.slice(0, 6)}` }),
		opts
	);
	const values: Record<string, unknown> = { baseUrl: mock.url, authKind: 'bearer', secret: mock.token };
	for (const [duty, role] of Object.entries(DEFAULT_ROLE_MAP))
		values[`role_${DUTY_ROLES.indexOf(duty as (typeof DUTY_ROLES)[number])}`] = role;
	await saveSs12000Config(t.db, { actor, organizerId: organizer.id, values });
	return { organizer, actor, mock };
}

const configOf = async (organizerId: string) =>
	(await t.db.select().from(ss12000Configs).where(eq(ss12000Configs.organizerId, organizerId)))[0];
const ensure = async (organizerId: string, origin: string, now = new Date()) =>
	ensureSs12000Subscription(t.db, { organizerId, client: clientForConfig(await configOf(organizerId)), origin, now });
const tokenOf = (target: string) => target.split('/').at(-1)!;

describe('SS 12000 notifications', () => {
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	let s: { organizer: { id: string }; mock: MockServer };
	beforeAll(async () => {
		receiver = await startReceiver();
		s = await setUp('nt', { autoNotify: true });
	});
	afterAll(async () => {
		await s.mock.close();
		await receiver.close();
	});

	it('subscribes only after the first real sync, with a secret address of which only the hash is kept', async () => {
		expect(await ensure(s.organizer.id, receiver.origin)).toBe('not_synced');
		expect(s.mock.subscriptions).toHaveLength(0);
		await runSs12000Sync(t.db, { organizerId: s.organizer.id, mode: 'full' });
		expect(await ensure(s.organizer.id, receiver.origin)).toBe('active');
		expect(s.mock.subscriptions).toHaveLength(1);
		const [sub] = s.mock.subscriptions;
		expect(sub.target.startsWith(`${receiver.origin}/api/ss12000/notifications/`)).toBe(true);
		const config = await configOf(s.organizer.id);
		expect(config).toMatchObject({ subscriptionId: sub.id, subscriptionState: 'active', notifyTokenHash: hashToken(tokenOf(sub.target)) });
		expect(JSON.stringify(config)).not.toContain(tokenOf(sub.target));
		// Still fresh: nothing new is asked of the server.
		expect(await ensure(s.organizer.id, receiver.origin)).toBe('active');
		expect(s.mock.subscriptions).toHaveLength(1);
		const audit = await t.db
			.select({ changes: auditEvents.changes })
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, s.organizer.id), eq(auditEvents.action, 'school_sync.subscribe')));
		expect(audit).toHaveLength(1);
	});

	it('a change at the source notifies us, which asks for one delta (coalesced), and that delta brings the change', async () => {
		const id = mockId('p', 2);
		s.mock.modifyPerson(id, { givenName: 'Notifierad' });
		s.mock.modifyPerson(id, { familyName: 'Igen' });
		expect(await s.mock.notified()).toEqual([202, 202]);
		const config = await configOf(s.organizer.id);
		expect(config.requestedMode).toBe('auto');
		const notified = await t.db
			.select({ id: auditEvents.id })
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, s.organizer.id), eq(auditEvents.action, 'school_sync.notified')));
		expect(notified).toHaveLength(1);
		// What the job does with the request: a delta.
		await t.db.update(ss12000Configs).set({ requestedMode: null }).where(eq(ss12000Configs.organizerId, s.organizer.id));
		const run = await runSs12000Sync(t.db, { organizerId: s.organizer.id, mode: 'auto' });
		expect(run).toMatchObject({ mode: 'delta', status: 'done' });
		const [person] = await t.db
			.select({ name: people.name })
			.from(ss12000Links)
			.innerJoin(people, eq(people.id, ss12000Links.localId))
			.where(and(eq(ss12000Links.organizerId, s.organizer.id), eq(ss12000Links.entity, 'person'), eq(ss12000Links.sourceId, id)));
		expect(person.name).toContain('Notifierad');
	});

	it('an unknown or malformed address is 404 and asks for nothing', async () => {
		for (const token of ['x'.repeat(43), 'kort', '../../etc'])
			await expect(receiveSs12000Notification(t.db, { token })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		const res = await fetch(`${receiver.origin}/api/ss12000/notifications/${'y'.repeat(43)}`, { method: 'POST', body: '{}' });
		expect(res.status).toBe(404);
		expect((await configOf(s.organizer.id)).requestedMode).toBeNull();
	});

	it('renews a subscription that is about to expire: a new address, the old subscription removed and its address dead', async () => {
		const old = s.mock.subscriptions[0];
		await t.db
			.update(ss12000Configs)
			.set({ subscriptionExpires: new Date(Date.now() + 60 * 60_000) })
			.where(eq(ss12000Configs.organizerId, s.organizer.id));
		expect(await ensure(s.organizer.id, receiver.origin)).toBe('active');
		expect(s.mock.subscriptions).toHaveLength(1);
		expect(s.mock.subscriptions[0].id).not.toBe(old.id);
		await expect(receiveSs12000Notification(t.db, { token: tokenOf(old.target) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect(await receiveSs12000Notification(t.db, { token: tokenOf(s.mock.subscriptions[0].target) })).toEqual({ requested: true });
	});

	it('a school unit the source deletes is archived at the next delta, as the unit tree archives it, audited', async () => {
		const [link] = await t.db
			.select({ unitId: ss12000Links.localId })
			.from(ss12000Links)
			.where(
				and(
					eq(ss12000Links.organizerId, s.organizer.id),
					eq(ss12000Links.entity, 'organisation'),
					eq(ss12000Links.sourceId, mockId('o', 2))
				)
			);
		s.mock.deleteOrganisation(mockId('o', 2));
		await s.mock.notified();
		await t.db.update(ss12000Configs).set({ requestedMode: null }).where(eq(ss12000Configs.organizerId, s.organizer.id));
		const run = await runSs12000Sync(t.db, { organizerId: s.organizer.id, mode: 'auto' });
		expect(run).toMatchObject({ mode: 'delta', status: 'done' });
		const [unit] = await t.db.select({ archivedAt: units.archivedAt }).from(units).where(eq(units.id, link.unitId!));
		expect(unit.archivedAt).not.toBeNull();
		const audit = await t.db
			.select({ changes: auditEvents.changes })
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, link.unitId!), eq(auditEvents.action, 'unit.archive')));
		expect(audit).toEqual([{ changes: expect.objectContaining({ via: 'ss12000' }) }]);
	});

	it('a server without subscriptions is noted and not asked again for a day', async () => {
		const u = await setUp('nu', { subscriptions: false });
		try {
			await runSs12000Sync(t.db, { organizerId: u.organizer.id, mode: 'full' });
			expect(await ensure(u.organizer.id, receiver.origin)).toBe('unsupported');
			expect(await ensure(u.organizer.id, receiver.origin, new Date(Date.now() + 60 * 60_000))).toBe('unsupported');
			expect(u.mock.requests.filter((r) => r.startsWith('POST /v2.0/subscriptions'))).toHaveLength(1);
			expect((await configOf(u.organizer.id)).notifyTokenHash).toBeNull();
		} finally {
			await u.mock.close();
		}
	});
});
