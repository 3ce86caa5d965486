// Covers: moveUnit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildOrganizer, buildUnit } from '../../../../tests/factories';
import { snapshotUnits } from '../../../../tests/unit-snapshot';
import type { DbHandle } from '../db';
import type { AppError } from '../errors';
import { auditEvents } from '../db/schema';
import type { Actor } from '../policies';
import { moveUnit } from './move-unit';

let h: DbHandle;
let organizerId: string;
let admin: Actor;
beforeAll(async () => {
	h = await createTestDatabase();
	organizerId = (await buildOrganizer(h.db)).id;
	admin = await buildActor(h.db, [{ role: 'org_admin', organizerId }]);
});
afterAll(() => h.close());

async function refused(unitId: string, parentId: string | null, actor: Actor = admin) {
	const before = await snapshotUnits(h.db);
	const e = (await moveUnit(h.db, { actor, organizerId, unitId, parentId }).catch((x: AppError) => x)) as AppError;
	expect(e.name).toBe('AppError');
	expect(await snapshotUnits(h.db)).toEqual(before);
	return e;
}

/** förvaltning → rektorsområde → skolenhet */
async function chain() {
	const top = await buildUnit(h.db, { organizerId, kind: 'forvaltning' });
	const middle = await buildUnit(h.db, { organizerId, kind: 'rektorsomrade', parentId: top.id });
	const leaf = await buildUnit(h.db, { organizerId, parentId: middle.id });
	return { top, middle, leaf };
}

describe('moving a unit', () => {
	it('moves a unit under another and audits the old and new parent', async () => {
		const { top, leaf } = await chain();
		const row = await moveUnit(h.db, { actor: admin, organizerId, unitId: leaf.id, parentId: top.id });
		expect(row.parentId).toBe(top.id);
		const events = await h.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, leaf.id), eq(auditEvents.action, 'unit.move')));
		expect(events.map((e) => e.changes)).toEqual([{ parentId: [leaf.parentId, top.id] }]);
	});

	it('moves a unit to the top of the tree', async () => {
		const { middle } = await chain();
		expect((await moveUnit(h.db, { actor: admin, organizerId, unitId: middle.id, parentId: null })).parentId).toBeNull();
	});

	it('refuses to move a unit under itself', async () => {
		const { middle } = await chain();
		expect((await refused(middle.id, middle.id)).issues).toEqual([{ field: 'parentId', message: 'units_error_parent_cycle' }]);
	});

	it('refuses to move a unit under one of its descendants, however deep', async () => {
		const { top, middle, leaf } = await chain();
		expect((await refused(top.id, middle.id)).issues).toEqual([{ field: 'parentId', message: 'units_error_parent_cycle' }]);
		expect((await refused(top.id, leaf.id)).issues).toEqual([{ field: 'parentId', message: 'units_error_parent_cycle' }]);
	});

	it('refuses a parent from another organizer, an archived parent and a parent id that is not an id', async () => {
		const { leaf } = await chain();
		const foreign = await buildUnit(h.db, { kind: 'forvaltning' });
		const archived = await buildUnit(h.db, { organizerId, kind: 'forvaltning', archivedAt: new Date() });
		expect((await refused(leaf.id, foreign.id)).issues).toEqual([{ field: 'parentId', message: 'units_error_parent_not_found' }]);
		expect((await refused(leaf.id, archived.id)).issues).toEqual([{ field: 'parentId', message: 'units_error_parent_archived' }]);
		expect((await refused(leaf.id, "x' OR 1=1")).issues).toEqual([{ field: 'parentId', message: 'units_error_parent_not_found' }]);
	});

	it('answers NOT_FOUND when the unit belongs to another organizer', async () => {
		const theirs = await buildUnit(h.db);
		const { top } = await chain();
		expect((await refused(theirs.id, top.id)).code).toBe('NOT_FOUND');
	});

	it('lets only administrators move units', async () => {
		const { top, leaf } = await chain();
		const principal = await buildActor(h.db, [{ role: 'principal', organizerId, unitId: leaf.id }]);
		expect((await refused(leaf.id, top.id, principal)).code).toBe('FORBIDDEN');
	});
});
