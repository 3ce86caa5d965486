// Covers: assignRole, removeRoleAssignment, findRoleAssignmentsAtUnit, findRoleAssignmentsOfPerson.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildOrganizer, buildPerson, buildUnit } from '../../../../tests/factories';
import type { DbHandle } from '../db';
import { auditEvents, roleAssignments } from '../db/schema';
import { assignRole } from './assign-role';
import { removeRoleAssignment } from './remove-role';
import { findRoleAssignmentsAtUnit, findRoleAssignmentsOfPerson } from './find-role-assignments';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

async function setup() {
	const org = await buildOrganizer(h.db);
	const actor = await buildActor(h.db, [{ role: 'org_admin', organizerId: org.id }]);
	const unit = await buildUnit(h.db, { organizer: org, name: 'Ekbackens skola' });
	const person = await buildPerson(h.db, { name: 'Rut Rektor', memberOf: org.id });
	return { org, actor, unit, person };
}

const assignmentsOf = (personId: string) => h.db.select().from(roleAssignments).where(eq(roleAssignments.personId, personId));
const auditCount = async () => (await h.db.select({ n: count() }).from(auditEvents))[0].n;

describe('assigning a role', () => {
	it('gives the person the role at the unit for a period, lists it both ways, and audits it', async () => {
		const { org, actor, unit, person } = await setup();
		const row = await assignRole(h.db, {
			actor,
			organizerId: org.id,
			personId: person.id,
			input: { role: 'principal', unitId: unit.id, startsOn: '2025-08-01', endsOn: '2030-06-30' }
		});
		expect(row).toMatchObject({ role: 'principal', unitId: unit.id, startsOn: '2025-08-01', endsOn: '2030-06-30', organizerId: org.id });
		const mine = await findRoleAssignmentsOfPerson(h.db, { actor, organizerId: org.id, personId: person.id });
		expect(mine).toEqual([expect.objectContaining({ role: 'principal', unitName: 'Ekbackens skola', state: 'active' })]);
		const atUnit = await findRoleAssignmentsAtUnit(h.db, { actor, organizerId: org.id, unitId: unit.id });
		expect(atUnit.assignments.map((a) => [a.personName, a.role])).toEqual([['Rut Rektor', 'principal']]);
		const [event] = await h.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'role.assign'), eq(auditEvents.entityId, row.id)));
		expect(event.changes).toMatchObject({ role: [null, 'principal'], unitId: [null, unit.id] });
	});

	it('refuses a unit of another organizer and writes nothing', async () => {
		const { org, actor, person } = await setup();
		const foreign = await buildUnit(h.db, { organizer: await buildOrganizer(h.db) });
		const before = await auditCount();
		const e = await assignRole(h.db, {
			actor,
			organizerId: org.id,
			personId: person.id,
			input: { role: 'staff', unitId: foreign.id }
		}).catch((x) => x);
		expect(e.code).toBe('INVALID');
		expect(e.issues).toEqual([{ field: 'unitId', message: 'people_error_unit_unknown' }]);
		expect(await assignmentsOf(person.id)).toHaveLength(0);
		expect(await auditCount()).toBe(before);
	});

	it('refuses an end date before the start date and writes nothing', async () => {
		const { org, actor, unit, person } = await setup();
		const e = await assignRole(h.db, {
			actor,
			organizerId: org.id,
			personId: person.id,
			input: { role: 'staff', unitId: unit.id, startsOn: '2026-08-01', endsOn: '2026-07-31' }
		}).catch((x) => x);
		expect(e.issues).toEqual([{ field: 'endsOn', message: 'people_error_end_before_start' }]);
		expect(await assignmentsOf(person.id)).toHaveLength(0);
	});

	it('refuses roles that cannot be handed out and dates that do not exist', async () => {
		const { org, actor, person } = await setup();
		for (const input of [
			{ role: 'system_admin' },
			{ role: 'kung' },
			{ role: 'staff', startsOn: '2026-02-30' },
			{ role: 'staff', unitId: 'x' }
		]) {
			const e = await assignRole(h.db, { actor, organizerId: org.id, personId: person.id, input }).catch((x) => x);
			expect(e.code).toBe('INVALID');
		}
		expect(await assignmentsOf(person.id)).toHaveLength(0);
	});

	it('says clearly when the person already holds that role there, but allows a later period', async () => {
		const { org, actor, unit, person } = await setup();
		const input = { role: 'technical_key_person', unitId: unit.id, endsOn: '2027-06-30' };
		await assignRole(h.db, { actor, organizerId: org.id, personId: person.id, input });
		const e = await assignRole(h.db, { actor, organizerId: org.id, personId: person.id, input: { ...input, endsOn: '' } }).catch((x) => x);
		expect(e.issues).toEqual([{ field: 'role', message: 'people_error_role_already_held' }]);
		await assignRole(h.db, { actor, organizerId: org.id, personId: person.id, input: { ...input, startsOn: '2027-07-01', endsOn: '' } });
		await assignRole(h.db, { actor, organizerId: org.id, personId: person.id, input: { role: 'technical_key_person' } });
		expect(await assignmentsOf(person.id)).toHaveLength(3);
	});

	it('does not reach a person of another organizer', async () => {
		const { org, actor } = await setup();
		const stranger = await buildPerson(h.db, { memberOf: (await buildOrganizer(h.db)).id });
		const e = await assignRole(h.db, { actor, organizerId: org.id, personId: stranger.id, input: { role: 'org_admin' } }).catch((x) => x);
		expect(e.code).toBe('NOT_FOUND');
		expect(await assignmentsOf(stranger.id)).toHaveLength(0);
	});
});

describe('removing a role assignment', () => {
	it('deletes it and audits what it was', async () => {
		const { org, actor, unit, person } = await setup();
		const row = await assignRole(h.db, { actor, organizerId: org.id, personId: person.id, input: { role: 'staff', unitId: unit.id } });
		await removeRoleAssignment(h.db, { actor, organizerId: org.id, assignmentId: row.id });
		expect(await assignmentsOf(person.id)).toHaveLength(0);
		const [event] = await h.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'role.remove'), eq(auditEvents.entityId, row.id)));
		expect(event.changes).toMatchObject({ role: ['staff', null], unitId: [unit.id, null] });
	});

	it('does not remove an assignment of another organizer', async () => {
		const { org, actor } = await setup();
		const otherOrg = await buildOrganizer(h.db);
		const other = await buildPerson(h.db, { roles: [{ role: 'staff', organizerId: otherOrg.id }] });
		const [row] = await assignmentsOf(other.id);
		const e = await removeRoleAssignment(h.db, { actor, organizerId: org.id, assignmentId: row.id }).catch((x) => x);
		expect(e.code).toBe('NOT_FOUND');
		expect(await assignmentsOf(other.id)).toHaveLength(1);
	});

	it('keeps the last organization administrator', async () => {
		const { org, actor } = await setup();
		const [own] = await assignmentsOf(actor.personId);
		const e = await removeRoleAssignment(h.db, { actor, organizerId: org.id, assignmentId: own.id }).catch((x) => x);
		expect(e.issues).toEqual([{ field: 'roles', message: 'people_error_last_admin' }]);
		expect(await assignmentsOf(actor.personId)).toHaveLength(1);
	});
});

describe('roles at a unit', () => {
	it('hide people with protected identity from leadership and do not find a foreign unit', async () => {
		const { org, actor, unit } = await setup();
		const hidden = await buildPerson(h.db, {
			name: 'Gömd',
			protectedIdentity: true,
			roles: [{ role: 'staff', organizerId: org.id, unitId: unit.id }]
		});
		const lead = await buildActor(h.db, [{ role: 'leadership', organizerId: org.id }]);
		expect((await findRoleAssignmentsAtUnit(h.db, { actor: lead, organizerId: org.id, unitId: unit.id })).assignments).toHaveLength(0);
		expect(
			(await findRoleAssignmentsAtUnit(h.db, { actor, organizerId: org.id, unitId: unit.id })).assignments.map((a) => a.personId)
		).toEqual([hidden.id]);
		const foreign = await buildUnit(h.db);
		const e = await findRoleAssignmentsAtUnit(h.db, { actor, organizerId: org.id, unitId: foreign.id }).catch((x) => x);
		expect(e.code).toBe('NOT_FOUND');
	});
});
