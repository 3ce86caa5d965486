import { afterAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrgAdmin } from '../../../../../tests/factories';
import { seedSs12000, startSs12000Mock, type MockServer } from '../../../../../tests/ss12000-mock-server';
import { auditEvents, ss12000Configs, ss12000Runs } from '../../db/schema';
import { randomBytes } from 'node:crypto';
import { appKeyring, currentSealPrefix, isSealed, keyringOf, openSecret, sealSecret } from '../../crypto/secrets';
import { resealSs12000Secrets } from './reseal-ss12000-secrets';
import { saveSs12000Config } from './save-ss12000-config';
import { requestSs12000Sync } from './request-ss12000-sync';
import { retryWaitMs, runDueSs12000Syncs } from './run-due-ss12000-syncs';
import { getSs12000Overview } from './get-ss12000-overview';

const t = useTestDatabase();
const mocks: MockServer[] = [];
afterAll(async () => {
	for (const m of mocks) await m.close();
});

describe('SS 12000 configuration and requested runs', () => {
	it('stores the secret sealed, never shows it, and audits the change without its value', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		await saveSs12000Config(t.db, {
			actor,
			organizerId: organizer.id,
			values: { baseUrl: 'https://ss12000.exempel.se/v2.0', authKind: 'bearer', secret: 'hemlig-token', role_0: 'principal' }
		});
		const [row] = await t.db.select().from(ss12000Configs).where(eq(ss12000Configs.organizerId, organizer.id));
		expect(isSealed(row.sealedSecret!)).toBe(true);
		expect(openSecret(row.sealedSecret!)).toBe('hemlig-token');
		expect(row.roleMap).toEqual({ Rektor: 'principal' });
		const overview = await getSs12000Overview(t.db, { actor, organizerId: organizer.id });
		expect(JSON.stringify(overview)).not.toContain('hemlig-token');
		expect(overview.config?.hasSecret).toBe(true);
		// An empty secret keeps the stored one.
		await saveSs12000Config(t.db, {
			actor,
			organizerId: organizer.id,
			values: { baseUrl: 'https://ny.exempel.se', authKind: 'bearer', secret: '' }
		});
		const [after] = await t.db.select().from(ss12000Configs).where(eq(ss12000Configs.organizerId, organizer.id));
		expect(openSecret(after.sealedSecret!)).toBe('hemlig-token');
		const audits = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, organizer.id), eq(auditEvents.entityType, 'ss12000_config')));
		expect(audits.map((a) => a.action).sort()).toEqual(['school_sync.create', 'school_sync.update']);
		expect(JSON.stringify(audits)).not.toContain('hemlig-token');
	});

	it('refuses bad input field by field and writes nothing', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		await expect(
			saveSs12000Config(t.db, { actor, organizerId: organizer.id, values: { baseUrl: 'inte en adress', authKind: 'bearer', secret: 'x' } })
		).rejects.toMatchObject({ code: 'INVALID', issues: [{ field: 'baseUrl', message: 'ss12000_error_base_url' }] });
		await expect(
			saveSs12000Config(t.db, { actor, organizerId: organizer.id, values: { baseUrl: 'https://a.se', authKind: 'bearer', secret: '' } })
		).rejects.toMatchObject({ code: 'INVALID', issues: [{ field: 'secret' }] });
		expect(await t.db.select().from(ss12000Configs).where(eq(ss12000Configs.organizerId, organizer.id))).toEqual([]);
	});

	it('lets only organization administrators configure and run it', async () => {
		const { organizer } = await buildOrgAdmin(t.db);
		const principal = await buildActor(t.db, [{ role: 'principal', organizerId: organizer.id }]);
		const values = { baseUrl: 'https://a.se', authKind: 'bearer', secret: 'x' };
		await expect(saveSs12000Config(t.db, { actor: principal, organizerId: organizer.id, values })).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
		await expect(requestSs12000Sync(t.db, { actor: principal, organizerId: organizer.id, mode: 'dry_run' })).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
		const other = await buildOrgAdmin(t.db);
		await expect(getSs12000Overview(t.db, { actor: other.actor, organizerId: organizer.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});

	it('asks for a dry run before the first sync, and the job runs what was asked for', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const mock = await startSs12000Mock(seedSs12000({ persons: 6, duties: 3, schoolUnits: 2, tag: `job${organizer.id.slice(0, 6)}` }));
		mocks.push(mock);
		await saveSs12000Config(t.db, {
			actor,
			organizerId: organizer.id,
			values: { baseUrl: mock.url, authKind: 'bearer', secret: mock.token, role_1: 'staff' }
		});
		await expect(requestSs12000Sync(t.db, { actor, organizerId: organizer.id, mode: 'auto' })).rejects.toMatchObject({
			issues: [{ field: 'sync', message: 'ss12000_error_dry_run_first' }]
		});
		await requestSs12000Sync(t.db, { actor, organizerId: organizer.id, mode: 'dry_run' });
		const dry = (await runDueSs12000Syncs(t.db)).find((r) => r.organizerId === organizer.id);
		expect(dry).toMatchObject({ mode: 'dry_run', status: 'done', requestedBy: actor.personId });
		await requestSs12000Sync(t.db, { actor, organizerId: organizer.id, mode: 'auto' });
		const full = (await runDueSs12000Syncs(t.db)).find((r) => r.organizerId === organizer.id);
		expect(full).toMatchObject({ mode: 'full', status: 'done' });
		// Two units, six persons, and two of the three duties (the first is a principal's, which this map leaves out).
		expect(full!.counts.created).toBe(2 + 6 + 2);
		// Nothing asked for and synced less than an hour ago: the job leaves it.
		expect((await runDueSs12000Syncs(t.db)).find((r) => r.organizerId === organizer.id)).toBeUndefined();
	});
});

describe('a source that keeps failing', () => {
	it('is tried again by the job only after a growing pause, while a sync asked for runs at once', async () => {
		expect([0, 1, 2, 3, 7, 20].map((n) => retryWaitMs(n) / 60_000)).toEqual([0, 1, 2, 4, 60, 60]);
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const mock = await startSs12000Mock(seedSs12000({ persons: 2, duties: 1, schoolUnits: 1, tag: `fel${organizer.id.slice(0, 6)}` }));
		mocks.push(mock);
		await saveSs12000Config(t.db, {
			actor,
			organizerId: organizer.id,
			values: { baseUrl: mock.url, authKind: 'bearer', secret: mock.token }
		});
		const now = new Date();
		const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
		await t.db
			.update(ss12000Configs)
			.set({ syncedUntil: minutesAgo(180) })
			.where(eq(ss12000Configs.organizerId, organizer.id));
		// Two failures in a row, the last one a minute ago: the job waits two minutes.
		for (const m of [5, 1])
			await t.db.insert(ss12000Runs).values({
				organizerId: organizer.id,
				mode: 'delta',
				status: 'failed',
				startedAt: minutesAgo(m),
				finishedAt: minutesAgo(m),
				counts: { created: 0, updated: 0, ended: 0, deactivated: 0, unchanged: 0, skipped: 0 },
				failure: 'timeout'
			});
		const mine = async (at: Date) => (await runDueSs12000Syncs(t.db, at)).find((r) => r.organizerId === organizer.id);
		expect(await mine(now)).toBeUndefined();
		expect(await mine(new Date(now.getTime() + 2 * 60_000))).toMatchObject({ organizerId: organizer.id });
		// An administrator's request does not wait.
		await t.db.insert(ss12000Runs).values({
			organizerId: organizer.id,
			mode: 'delta',
			status: 'failed',
			startedAt: new Date(now.getTime() + 3 * 60_000),
			finishedAt: new Date(now.getTime() + 3 * 60_000),
			counts: { created: 0, updated: 0, ended: 0, deactivated: 0, unchanged: 0, skipped: 0 },
			failure: 'timeout'
		});
		await requestSs12000Sync(t.db, { actor, organizerId: organizer.id, mode: 'dry_run' });
		expect(await mine(new Date(now.getTime() + 3 * 60_000))).toMatchObject({ mode: 'dry_run' });
	});
});

describe('SS 12000 secrets and a new installation key', () => {
	it('seals a secret stored under an old key with the current one at start, and it opens as before', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		await saveSs12000Config(t.db, {
			actor,
			organizerId: organizer.id,
			values: { baseUrl: 'https://a.se', authKind: 'bearer', secret: 'x' }
		});
		const oldKey = randomBytes(32);
		await t.db
			.update(ss12000Configs)
			.set({ sealedSecret: sealSecret('gammal-nyckel', keyringOf(oldKey)) })
			.where(eq(ss12000Configs.organizerId, organizer.id));
		const current = appKeyring();
		const rotated = keyringOf(current.keys.get(current.currentId)!, [oldKey]);
		expect(await resealSs12000Secrets(t.db, rotated)).toBeGreaterThanOrEqual(1);
		const [row] = await t.db.select().from(ss12000Configs).where(eq(ss12000Configs.organizerId, organizer.id));
		expect(row.sealedSecret!.startsWith(currentSealPrefix(current))).toBe(true);
		expect(openSecret(row.sealedSecret!)).toBe('gammal-nyckel');
	});
});
