// Covers: updateCycleGroup, loadCycleGroupForm.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildUnit } from '../../../../../tests/factories';
import { auditEvents, roleAssignments } from '../../db/schema';
import { loadActor } from '../../auth/load-actor';
import { createCycle } from './create-cycle';
import { getCycle } from './get-cycle';
import { loadCycleGroupForm } from './load-cycle-group-form';
import { updateCycleGroup } from './update-cycle-group';

const t = useTestDatabase();

async function cycleWithGroup() {
	const organizer = await buildOrganizer(t.db);
	const unit = await buildUnit(t.db, { organizerId: organizer.id });
	const principal = await buildActor(t.db, [{ role: 'principal', organizerId: organizer.id, unitId: unit.id }]);
	const [anna, bo, cilla] = await Promise.all(
		['Anna', 'Bo', 'Cilla'].map((name) =>
			buildPerson(t.db, { name, roles: [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }] })
		)
	);
	const cycle = await createCycle(t.db, {
		actor: principal,
		organizerId: organizer.id,
		input: { scope: unit.id, name: 'Höst', openedOn: '2026-09-01', memberIds: [anna.id, bo.id] }
	});
	const ids = { organizerId: organizer.id, cycleId: cycle.id };
	return { organizer, unit, principal, anna, bo, cilla, cycle, ids };
}

const membersOf = async (s: Awaited<ReturnType<typeof cycleWithGroup>>) =>
	(await getCycle(t.db, { actor: s.principal, ...s.ids })).memberIds.sort();

describe("changing a cycle's working group", () => {
	it('adds and removes members for the one who plans, and audits the group before and after', async () => {
		const s = await cycleWithGroup();
		await updateCycleGroup(t.db, { actor: s.principal, ...s.ids, memberIds: [s.bo.id, s.cilla.id] });
		expect(await membersOf(s)).toEqual([s.bo.id, s.cilla.id].sort());
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, s.cycle.id), eq(auditEvents.action, 'cycle.update_group')));
		expect(audit.changes).toEqual({
			memberIds: [
				[s.anna.id, s.bo.id],
				[s.bo.id, s.cilla.id]
			]
		});
		expect(await updateCycleGroup(t.db, { actor: s.principal, ...s.ids, memberIds: [s.cilla.id, s.bo.id] })).toEqual({ changed: false });
	});

	it('refuses a member of the group and someone from another organizer, writing nothing', async () => {
		const s = await cycleWithGroup();
		const member = await loadActor(t.db, s.anna.id);
		expect((await updateCycleGroup(t.db, { actor: member!, ...s.ids, memberIds: [s.anna.id] }).catch((e) => e)).code).toBe('FORBIDDEN');
		expect((await loadCycleGroupForm(t.db, { actor: member!, ...s.ids }).catch((e) => e)).code).toBe('FORBIDDEN');
		const stranger = await buildPerson(t.db, { roles: [{ role: 'staff', organizerId: (await buildOrganizer(t.db)).id }] });
		const refused = await updateCycleGroup(t.db, { actor: s.principal, ...s.ids, memberIds: [s.anna.id, stranger.id] }).catch((e) => e);
		expect(refused).toMatchObject({ code: 'INVALID', issues: [{ field: 'memberIds', message: 'cycles_error_member' }] });
		expect(await membersOf(s)).toEqual([s.anna.id, s.bo.id].sort());
	});

	it('keeps a member whose role has ended among the choices, so saving does not drop them unseen', async () => {
		const s = await cycleWithGroup();
		await t.db.delete(roleAssignments).where(eq(roleAssignments.personId, s.bo.id));
		const form = await loadCycleGroupForm(t.db, { actor: s.principal, ...s.ids });
		expect(form.people.map((p) => p.id)).toContain(s.bo.id);
		expect(form.memberIds.sort()).toEqual([s.anna.id, s.bo.id].sort());
		await updateCycleGroup(t.db, { actor: s.principal, ...s.ids, memberIds: [s.anna.id, s.bo.id, s.cilla.id] });
		expect(await membersOf(s)).toEqual([s.anna.id, s.bo.id, s.cilla.id].sort());
	});
});
