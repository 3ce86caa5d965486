// Covers: updateUnit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildOrganizer, buildUnit } from '../../../../tests/factories';
import { snapshotUnits } from '../../../../tests/unit-snapshot';
import type { DbHandle } from '../db';
import type { AppError } from '../errors';
import { auditEvents } from '../db/schema';
import type { Actor } from '../policies';
import { updateUnit } from './update-unit';
import type { UnitInput } from './unit-input';

let h: DbHandle;
let organizerId: string;
let admin: Actor;
beforeAll(async () => {
	h = await createTestDatabase();
	organizerId = (await buildOrganizer(h.db)).id;
	admin = await buildActor(h.db, [{ role: 'org_admin', organizerId }]);
});
afterAll(() => h.close());

const inputOf = (
	u: { name: string; kind: string; parentId: string | null; schoolUnitCode: string | null; schoolTypes: string[] },
	o: Partial<UnitInput> = {}
) =>
	({ name: u.name, kind: u.kind, parentId: u.parentId, schoolUnitCode: u.schoolUnitCode, schoolTypes: u.schoolTypes, ...o }) as UnitInput;

async function refused(unitId: string, input: UnitInput, orgId = organizerId) {
	const before = await snapshotUnits(h.db);
	const e = (await updateUnit(h.db, { actor: admin, organizerId: orgId, unitId, input }).catch((x: AppError) => x)) as AppError;
	expect(e.name).toBe('AppError');
	expect(await snapshotUnits(h.db)).toEqual(before);
	return e;
}

const auditOf = (unitId: string) =>
	h.db
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.entityId, unitId), eq(auditEvents.action, 'unit.update')));

describe('editing a unit', () => {
	it('saves the new values and audits only the fields that changed', async () => {
		const u = await buildUnit(h.db, { organizerId, name: 'Ekskolan', schoolTypes: ['GR'] });
		const row = await updateUnit(h.db, {
			actor: admin,
			organizerId,
			unitId: u.id,
			input: inputOf(u, { name: 'Ekbackens skola', schoolTypes: ['GR', 'FTH'] })
		});
		expect(row).toMatchObject({
			name: 'Ekbackens skola',
			nameSort: 'ekbackens skola',
			schoolTypes: ['FTH', 'GR'],
			schoolUnitCode: u.schoolUnitCode
		});
		const [event] = await auditOf(u.id);
		expect(event.actorId).toBe(admin.personId);
		expect(event.changes).toEqual({ name: ['Ekskolan', 'Ekbackens skola'], schoolTypes: [['GR'], ['FTH', 'GR']] });
	});

	it('writes nothing, not even an audit event, when nothing changed', async () => {
		const u = await buildUnit(h.db, { organizerId });
		const before = await snapshotUnits(h.db);
		await updateUnit(h.db, { actor: admin, organizerId, unitId: u.id, input: inputOf(u) });
		expect(await snapshotUnits(h.db)).toEqual(before);
	});

	it('turns a skolenhet into a förvaltning only when its code is removed', async () => {
		const u = await buildUnit(h.db, { organizerId });
		const e = await refused(u.id, inputOf(u, { kind: 'forvaltning' }));
		expect(e.issues).toEqual([{ field: 'schoolUnitCode', message: 'units_error_code_not_allowed' }]);
		const row = await updateUnit(h.db, {
			actor: admin,
			organizerId,
			unitId: u.id,
			input: inputOf(u, { kind: 'forvaltning', schoolUnitCode: null })
		});
		expect(row).toMatchObject({ kind: 'forvaltning', schoolUnitCode: null });
	});

	it.each([
		['seven digits', '1234567', 'units_error_code_format'],
		['letters', 'ABCDEFGH', 'units_error_code_format'],
		['a code below the range', '00000001', 'units_error_code_range']
	])('refuses a skolenhetskod with %s and changes nothing', async (_what, code, message) => {
		const u = await buildUnit(h.db, { organizerId });
		const e = await refused(u.id, inputOf(u, { schoolUnitCode: code }));
		expect(e.issues).toEqual([{ field: 'schoolUnitCode', message }]);
	});

	it("refuses a code another unit has, in this organizer or another, but keeps the unit's own code", async () => {
		const u = await buildUnit(h.db, { organizerId });
		const mine = await buildUnit(h.db, { organizerId });
		const theirs = await buildUnit(h.db);
		for (const code of [mine.schoolUnitCode, theirs.schoolUnitCode]) {
			const e = await refused(u.id, inputOf(u, { schoolUnitCode: code }));
			expect(e.issues).toEqual([{ field: 'schoolUnitCode', message: 'units_error_code_taken' }]);
		}
		const row = await updateUnit(h.db, { actor: admin, organizerId, unitId: u.id, input: inputOf(u, { name: 'Nytt namn' }) });
		expect(row.schoolUnitCode).toBe(u.schoolUnitCode);
	});

	it('refuses a parent from another organizer and a parent below the unit itself', async () => {
		const top = await buildUnit(h.db, { organizerId, kind: 'forvaltning' });
		const child = await buildUnit(h.db, { organizerId, parentId: top.id });
		const foreign = await buildUnit(h.db, { kind: 'forvaltning' });
		expect((await refused(top.id, inputOf(top, { parentId: foreign.id }))).issues).toEqual([
			{ field: 'parentId', message: 'units_error_parent_not_found' }
		]);
		expect((await refused(top.id, inputOf(top, { parentId: child.id }))).issues).toEqual([
			{ field: 'parentId', message: 'units_error_parent_cycle' }
		]);
	});

	it("answers NOT_FOUND for another organizer's unit and a tampered id, and changes nothing", async () => {
		const theirs = await buildUnit(h.db);
		expect((await refused(theirs.id, inputOf(theirs, { name: 'Kapad' }))).code).toBe('NOT_FOUND');
		expect((await refused('not-a-uuid', inputOf(theirs, { name: 'Kapad' }))).code).toBe('NOT_FOUND');
	});

	it('refuses to edit an archived unit', async () => {
		const u = await buildUnit(h.db, { organizerId, archivedAt: new Date() });
		const e = await refused(u.id, inputOf(u, { name: 'Väckt' }));
		expect(e.issues).toEqual([{ field: 'form', message: 'units_error_unit_archived' }]);
	});
});
