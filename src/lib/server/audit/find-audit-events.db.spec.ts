// Covers: findAuditEvents, findAuditFilterOptions, presentAuditEvent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildOrganizer, buildPerson, buildUnit } from '../../../../tests/factories';
import type { DbHandle } from '../db';
import { auditEvents } from '../db/schema';
import type { Actor } from '../policies';
import { findAuditEvents } from './find-audit-events';
import { findAuditFilterOptions } from './find-audit-filter-options';
import { presentAuditEvent } from './present-audit-event';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

type NewEvent = typeof auditEvents.$inferInsert;
async function event(e: Partial<NewEvent> & Pick<NewEvent, 'action'>) {
	const [row] = await h.db
		.insert(auditEvents)
		.values({ organizerId: null, actorId: null, entityType: e.action.split('.')[0], ...e })
		.returning();
	return row;
}

/** An organizer with an administrator. */
async function organizerWithAdmin() {
	const org = await buildOrganizer(h.db);
	const admin = await buildActor(h.db, [{ role: 'org_admin', organizerId: org.id }]);
	return { org, admin };
}

const actionsOf = async (actor: Actor, organizerId: string, filter: Record<string, string> = {}) =>
	(await findAuditEvents(h.db, { actor, organizerId, filter, limit: 200 })).rows.map((r) => r.action);

describe('the audit log of an organizer', () => {
	it("never shows another organizer's events, nor sign-ins of people who are not members", async () => {
		const a = await organizerWithAdmin();
		const b = await organizerWithAdmin();
		const member = await buildPerson(h.db, { memberOf: a.org.id });
		const outsider = await buildPerson(h.db, { memberOf: b.org.id });
		const unit = await buildUnit(h.db, { organizer: a.org, name: 'Ekskolan' });
		await event({ organizerId: a.org.id, actorId: a.admin.personId, action: 'unit.create', entityId: unit.id });
		await event({ organizerId: b.org.id, actorId: b.admin.personId, action: 'unit.archive' });
		await event({ actorId: member.id, action: 'session.create', entityType: 'session' });
		await event({ actorId: member.id, action: 'session.failed', entityType: 'session', changes: { email: member.email } });
		await event({ action: 'password.reset', entityType: 'person', entityId: member.id });
		await event({ actorId: outsider.id, action: 'session.create', entityType: 'session' });
		await event({ action: 'session.failed', entityType: 'session', changes: { email: 'okand@exempel.se' } });
		await event({ actorId: member.id, action: 'instance.update', entityType: 'instance' });
		// The second step of a sign-in (decision 019) is a sign-in event too.
		await event({ actorId: member.id, action: 'two_factor.failed', entityType: 'session' });
		await event({ actorId: outsider.id, action: 'two_factor.recovery_used', entityType: 'person', entityId: outsider.id });

		expect((await actionsOf(a.admin, a.org.id)).sort()).toEqual([
			'password.reset',
			'session.create',
			'session.failed',
			'two_factor.failed',
			'unit.create'
		]);
		expect((await actionsOf(b.admin, b.org.id)).sort()).toEqual(['session.create', 'two_factor.recovery_used', 'unit.archive']);
		const { rows } = await findAuditEvents(h.db, { actor: a.admin, organizerId: a.org.id });
		expect(rows.find((r) => r.action === 'unit.create')?.entityUnitName).toBe('Ekskolan');
		expect(rows.some((r) => JSON.stringify(r.changes).includes('okand@exempel.se'))).toBe(false);
	});

	it('is closed to everyone but its organization administrators', async () => {
		const a = await organizerWithAdmin();
		const b = await organizerWithAdmin();
		const leader = await buildActor(h.db, [{ role: 'leadership', organizerId: a.org.id }]);
		for (const actor of [leader, b.admin, null]) {
			const e = await findAuditEvents(h.db, { actor, organizerId: a.org.id }).catch((x) => x);
			expect(e.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
			const o = await findAuditFilterOptions(h.db, { actor, organizerId: a.org.id }).catch((x) => x);
			expect(o.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
		}
	});

	it('offers as filter choices only the actions and record types present in its own log', async () => {
		const a = await organizerWithAdmin();
		const b = await organizerWithAdmin();
		await event({ organizerId: a.org.id, action: 'unit.create' });
		await event({ organizerId: a.org.id, action: 'person.update', entityType: 'person' });
		await event({ organizerId: b.org.id, action: 'role.assign', entityType: 'role' });
		await event({ actorId: a.admin.personId, action: 'session.create', entityType: 'session' });
		const options = await findAuditFilterOptions(h.db, { actor: a.admin, organizerId: a.org.id });
		expect(options.actions).toEqual(['person.update', 'session.create', 'unit.create']);
		expect(options.entityTypes).toEqual(['person', 'session', 'unit']);
	});
});

describe('filtering the audit log', () => {
	it('narrows by action, by record type and by part of the actor’s name, Swedish letters included', async () => {
		const a = await organizerWithAdmin();
		const asa = await buildPerson(h.db, { name: 'Åsa Öberg', memberOf: a.org.id });
		const bo = await buildPerson(h.db, { name: 'Bo 100%', memberOf: a.org.id });
		await event({ organizerId: a.org.id, actorId: asa.id, action: 'unit.create' });
		await event({ organizerId: a.org.id, actorId: asa.id, action: 'person.update', entityType: 'person' });
		await event({ organizerId: a.org.id, actorId: bo.id, action: 'unit.update' });
		await event({ organizerId: a.org.id, action: 'unit.update' });

		expect(await actionsOf(a.admin, a.org.id, { action: 'unit.update' })).toEqual(['unit.update', 'unit.update']);
		expect(await actionsOf(a.admin, a.org.id, { entityType: 'person' })).toEqual(['person.update']);
		expect(await actionsOf(a.admin, a.org.id, { actor: 'åsa ö' })).toEqual(['person.update', 'unit.create']);
		expect(await actionsOf(a.admin, a.org.id, { actor: 'ÖBERG', action: 'unit.create' })).toEqual(['unit.create']);
		expect(await actionsOf(a.admin, a.org.id, { actor: '100%' })).toEqual(['unit.update']);
		expect(await actionsOf(a.admin, a.org.id, { actor: '%' })).toEqual(['unit.update']);
		expect(await actionsOf(a.admin, a.org.id, { action: 'no.such' })).toEqual([]);
	});

	it('takes dates as whole days in Swedish time, both ends included', async () => {
		const a = await organizerWithAdmin();
		// 23:30 and 00:30 in Stockholm (winter time, UTC+1) on either side of midnight.
		await event({ organizerId: a.org.id, action: 'late.evening', createdAt: new Date('2026-03-10T22:30:00Z') });
		await event({ organizerId: a.org.id, action: 'after.midnight', createdAt: new Date('2026-03-10T23:30:00Z') });
		await event({ organizerId: a.org.id, action: 'next.week', createdAt: new Date('2026-03-17T09:00:00Z') });

		expect(await actionsOf(a.admin, a.org.id, { to: '2026-03-10' })).toEqual(['late.evening']);
		expect(await actionsOf(a.admin, a.org.id, { from: '2026-03-11', to: '2026-03-11' })).toEqual(['after.midnight']);
		expect(await actionsOf(a.admin, a.org.id, { from: '2026-03-11' })).toEqual(['next.week', 'after.midnight']);
		expect(await actionsOf(a.admin, a.org.id, { from: '2026-03-10', to: '2026-03-17' })).toHaveLength(3);
	});

	it('refuses impossible dates, reversed ranges and over-long text with one message per field', async () => {
		const a = await organizerWithAdmin();
		const bad = async (filter: Record<string, string>) =>
			findAuditEvents(h.db, { actor: a.admin, organizerId: a.org.id, filter }).catch((e) => e);

		const e1 = await bad({ from: '2026-02-30', to: 'igår', actor: 'x'.repeat(101) });
		expect(e1.code).toBe('INVALID');
		expect(e1.issues).toEqual([
			{ field: 'actor', message: 'audit_error_actor_too_long' },
			{ field: 'from', message: 'audit_error_date' },
			{ field: 'to', message: 'audit_error_date' }
		]);
		const e2 = await bad({ from: '2026-05-02', to: '2026-05-01' });
		expect(e2.issues).toEqual([{ field: 'to', message: 'audit_error_date_order' }]);
		const e3 = await bad({ action: "x' or 1=1 --" });
		expect(e3.issues).toEqual([{ field: 'action', message: 'audit_error_filter_unknown' }]);
	});
});

describe('paging through the audit log', () => {
	it('walks from newest to oldest in pages that neither overlap nor skip', async () => {
		const a = await organizerWithAdmin();
		const ids: number[] = [];
		for (let i = 0; i < 7; i++) ids.push((await event({ organizerId: a.org.id, action: `step.n${i}` })).id);
		const seen: number[] = [];
		let before: string | undefined;
		const sizes: number[] = [];
		for (;;) {
			const page = await findAuditEvents(h.db, { actor: a.admin, organizerId: a.org.id, filter: { before }, limit: 3 });
			sizes.push(page.rows.length);
			seen.push(...page.rows.map((r) => r.id));
			if (page.nextCursor === null) break;
			before = String(page.nextCursor);
		}
		expect(sizes).toEqual([3, 3, 1]);
		expect(seen).toEqual([...ids].reverse());
	});

	it('starts from the newest when the cursor is not a number', async () => {
		const a = await organizerWithAdmin();
		await event({ organizerId: a.org.id, action: 'only.one' });
		for (const before of ['abc', '-5', '0', '1e9', '9'.repeat(40)]) {
			expect(await actionsOf(a.admin, a.org.id, { before })).toEqual(['only.one']);
		}
	});
});

describe('presenting audit events', () => {
	it('shows organization administrators who a protected person is, and hides it from anyone else', async () => {
		const a = await organizerWithAdmin();
		const secret = await buildPerson(h.db, { name: 'Skyddad Person', protectedIdentity: true, memberOf: a.org.id });
		await event({ actorId: secret.id, action: 'session.failed', entityType: 'session', changes: { email: secret.email } });
		const [row] = (await findAuditEvents(h.db, { actor: a.admin, organizerId: a.org.id, filter: { actor: 'skyddad' } })).rows;

		const forAdmin = presentAuditEvent(row, a.admin, a.org.id);
		expect(forAdmin.actor).toEqual({ name: 'Skyddad Person', protectedIdentity: true });
		expect(forAdmin.details).toEqual([{ field: 'email', value: secret.email }]);

		const leader = await buildActor(h.db, [{ role: 'leadership', organizerId: a.org.id }]);
		const forLeader = presentAuditEvent(row, leader, a.org.id);
		expect(forLeader.actor).toEqual({ name: null, protectedIdentity: true });
		expect(forLeader.details).toEqual([]);
		expect(forLeader.hidden).toBe(true);
	});

	it('splits before/after pairs from free details and never shows secrets', async () => {
		const a = await organizerWithAdmin();
		await event({
			organizerId: a.org.id,
			action: 'person.update',
			entityType: 'person',
			changes: { name: ['Ann', 'Anna'], email: [null, 'anna@exempel.se'], passwordHash: ['x', 'y'], method: 'password' }
		});
		const [row] = (await findAuditEvents(h.db, { actor: a.admin, organizerId: a.org.id })).rows;
		const p = presentAuditEvent(row, a.admin, a.org.id);
		expect(p.actor).toBeNull();
		expect(p.changes).toEqual([
			{ field: 'name', before: 'Ann', after: 'Anna' },
			{ field: 'email', before: null, after: 'anna@exempel.se' },
			{ field: 'passwordHash', before: '••••••', after: '••••••' }
		]);
		expect(p.details).toEqual([{ field: 'method', value: 'password' }]);
	});
});
