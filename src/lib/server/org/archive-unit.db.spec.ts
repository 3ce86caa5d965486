// Covers: archiveUnit, restoreUnit, deleteUnit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildOrganizer, buildPerson, buildUnit } from '../../../../tests/factories';
import { snapshotUnits } from '../../../../tests/unit-snapshot';
import type { DbHandle } from '../db';
import type { AppError } from '../errors';
import { auditEvents, units } from '../db/schema';
import type { Actor } from '../policies';
import { archiveUnit, restoreUnit } from './archive-unit';
import { deleteUnit } from './delete-unit';

let h: DbHandle;
let organizerId: string;
let admin: Actor;
beforeAll(async () => {
	h = await createTestDatabase();
	organizerId = (await buildOrganizer(h.db)).id;
	admin = await buildActor(h.db, [{ role: 'org_admin', organizerId }]);
});
afterAll(() => h.close());

async function refused(run: () => Promise<unknown>) {
	const before = await snapshotUnits(h.db);
	const e = (await run().catch((x: AppError) => x)) as AppError;
	expect(e.name).toBe('AppError');
	expect(await snapshotUnits(h.db)).toEqual(before);
	return e;
}

const actionsOn = async (unitId: string) =>
	(await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, unitId)).orderBy(auditEvents.id)).map((e) => e.action);

describe('archiving and restoring a unit', () => {
	it('archives a unit and restores it again, auditing both', async () => {
		const u = await buildUnit(h.db, { organizerId });
		const archived = await archiveUnit(h.db, { actor: admin, organizerId, unitId: u.id });
		expect(archived.archivedAt).toBeInstanceOf(Date);
		const restored = await restoreUnit(h.db, { actor: admin, organizerId, unitId: u.id });
		expect(restored.archivedAt).toBeNull();
		expect(await actionsOn(u.id)).toEqual(['unit.archive', 'unit.restore']);
	});

	it('does nothing when archiving an archived unit or restoring an active one', async () => {
		const active = await buildUnit(h.db, { organizerId });
		const old = await buildUnit(h.db, { organizerId, archivedAt: new Date('2025-06-30T12:00:00Z') });
		const before = await snapshotUnits(h.db);
		await restoreUnit(h.db, { actor: admin, organizerId, unitId: active.id });
		await archiveUnit(h.db, { actor: admin, organizerId, unitId: old.id });
		expect(await snapshotUnits(h.db)).toEqual(before);
	});

	it('refuses to archive a unit that still has active units under it', async () => {
		const top = await buildUnit(h.db, { organizerId, kind: 'forvaltning' });
		await buildUnit(h.db, { organizerId, parentId: top.id });
		const e = await refused(() => archiveUnit(h.db, { actor: admin, organizerId, unitId: top.id }));
		expect(e.issues).toEqual([{ field: 'archive', message: 'units_error_has_active_children' }]);
	});

	it('refuses to restore a unit whose parent is still archived', async () => {
		const top = await buildUnit(h.db, { organizerId, kind: 'forvaltning', archivedAt: new Date() });
		const child = await buildUnit(h.db, { organizerId, parentId: top.id, archivedAt: new Date() });
		const e = await refused(() => restoreUnit(h.db, { actor: admin, organizerId, unitId: child.id }));
		expect(e.issues).toEqual([{ field: 'restore', message: 'units_error_restore_parent_archived' }]);
	});

	it("answers NOT_FOUND for another organizer's unit and a tampered id", async () => {
		const theirs = await buildUnit(h.db);
		for (const unitId of [theirs.id, `${theirs.id}x`]) {
			expect((await refused(() => archiveUnit(h.db, { actor: admin, organizerId, unitId }))).code).toBe('NOT_FOUND');
			expect((await refused(() => restoreUnit(h.db, { actor: admin, organizerId, unitId }))).code).toBe('NOT_FOUND');
		}
	});

	it('lets only administrators archive', async () => {
		const u = await buildUnit(h.db, { organizerId });
		const leader = await buildActor(h.db, [{ role: 'leadership', organizerId }]);
		expect((await refused(() => archiveUnit(h.db, { actor: leader, organizerId, unitId: u.id }))).code).toBe('FORBIDDEN');
	});
});

describe('deleting a unit', () => {
	it('deletes a unit nothing refers to and audits what it was', async () => {
		const u = await buildUnit(h.db, { organizerId, name: 'Felskrivna skolan' });
		await deleteUnit(h.db, { actor: admin, organizerId, unitId: u.id });
		expect(await h.db.select().from(units).where(eq(units.id, u.id))).toEqual([]);
		const [event] = await h.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, u.id), eq(auditEvents.action, 'unit.delete')));
		expect(event.changes).toMatchObject({ name: ['Felskrivna skolan', null] });
	});

	it('refuses to delete a unit with units under it or with role assignments', async () => {
		const top = await buildUnit(h.db, { organizerId, kind: 'forvaltning' });
		await buildUnit(h.db, { organizerId, parentId: top.id, archivedAt: new Date() });
		const staffed = await buildUnit(h.db, { organizerId });
		await buildPerson(h.db, { roles: [{ role: 'principal', organizerId, unitId: staffed.id }] });
		for (const unitId of [top.id, staffed.id]) {
			const e = await refused(() => deleteUnit(h.db, { actor: admin, organizerId, unitId }));
			expect(e.code).toBe('CONFLICT');
			expect(e.issues).toEqual([{ field: 'delete', message: 'units_error_in_use' }]);
		}
	});

	it("answers NOT_FOUND for another organizer's unit", async () => {
		const theirs = await buildUnit(h.db);
		expect((await refused(() => deleteUnit(h.db, { actor: admin, organizerId, unitId: theirs.id }))).code).toBe('NOT_FOUND');
	});
});
