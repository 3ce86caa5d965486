// Covers: createUnit, withCodeGuard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildOrganizer, buildUnit } from '../../../../tests/factories';
import { snapshotUnits } from '../../../../tests/unit-snapshot';
import type { DbHandle } from '../db';
import type { AppError } from '../errors';
import { auditEvents, units } from '../db/schema';
import type { Actor } from '../policies';
import { createUnit } from './create-unit';
import type { UnitInput } from './unit-input';
import { withCodeGuard } from './unit-checks';

let h: DbHandle;
let organizerId: string;
let admin: Actor;
beforeAll(async () => {
	h = await createTestDatabase();
	organizerId = (await buildOrganizer(h.db)).id;
	admin = await buildActor(h.db, [{ role: 'org_admin', organizerId }]);
});
afterAll(() => h.close());

let nextCode = 23456789;
/** A valid skolenhet input with a code no other test uses. */
const school = (o: Partial<UnitInput> = {}): UnitInput => ({
	name: 'Björkskolan',
	kind: 'skolenhet',
	parentId: null,
	schoolUnitCode: String(nextCode++),
	schoolTypes: ['GR'],
	...o
});

/** Runs a create that must fail, checks nothing was written, and returns the error. */
async function refused(input: Partial<UnitInput>, actor: Actor = admin, orgId = organizerId) {
	const before = await snapshotUnits(h.db);
	const e = (await createUnit(h.db, { actor, organizerId: orgId, input: input as UnitInput }).catch((x: AppError) => x)) as AppError;
	expect(e.name).toBe('AppError');
	expect(await snapshotUnits(h.db)).toEqual(before);
	return e;
}

describe('creating a unit', () => {
	it('stores the unit with a sort key and writes one audit event with the new values', async () => {
		const top = await createUnit(h.db, {
			actor: admin,
			organizerId,
			input: school({ name: 'Utbildningsförvaltningen', kind: 'forvaltning', schoolUnitCode: null, schoolTypes: [] })
		});
		const row = await createUnit(h.db, {
			actor: admin,
			organizerId,
			input: school({ parentId: top.id, schoolUnitCode: '23456789', schoolTypes: ['GR', 'FKLASS', 'GR'] })
		});
		expect(row).toMatchObject({
			organizerId,
			parentId: top.id,
			name: 'Björkskolan',
			kind: 'skolenhet',
			schoolUnitCode: '23456789',
			archivedAt: null
		});
		expect(row.schoolTypes).toEqual(['FKLASS', 'GR']);
		expect(row.nameSort).toBe('bj}rkskolan');
		const events = await h.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, row.id), eq(auditEvents.action, 'unit.create')));
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ organizerId, actorId: admin.personId, entityType: 'unit' });
		expect(events[0].changes).toMatchObject({ name: [null, 'Björkskolan'], schoolUnitCode: [null, '23456789'], parentId: [null, top.id] });
	});

	it('accepts empty strings from a form as "no parent" and "no code"', async () => {
		const row = await createUnit(h.db, {
			actor: admin,
			organizerId,
			input: school({ name: 'Kansliet', kind: 'ovrigt', parentId: '' as never, schoolUnitCode: '' as never })
		});
		expect(row.parentId).toBeNull();
		expect(row.schoolUnitCode).toBeNull();
	});

	it.each([
		['seven digits', '1234567', 'units_error_code_format'],
		['letters', '1234567A', 'units_error_code_format'],
		['a code below the range', '00000001', 'units_error_code_range'],
		['nine digits', '123456789', 'units_error_code_format']
	])('refuses a skolenhetskod with %s and writes nothing', async (_what, code, message) => {
		const e = await refused(school({ schoolUnitCode: code }));
		expect(e.code).toBe('INVALID');
		expect(e.issues).toEqual([{ field: 'schoolUnitCode', message }]);
	});

	it('requires a skolenhetskod for a skolenhet and a förskoleenhet', async () => {
		for (const kind of ['skolenhet', 'forskoleenhet'] as const) {
			const e = await refused(school({ kind, schoolUnitCode: null }));
			expect(e.issues).toEqual([{ field: 'schoolUnitCode', message: 'units_error_code_required' }]);
		}
	});

	it('refuses a skolenhetskod on a kind that has none, such as a förvaltning', async () => {
		const e = await refused(school({ kind: 'forvaltning', schoolUnitCode: '34567890' }));
		expect(e.issues).toEqual([{ field: 'schoolUnitCode', message: 'units_error_code_not_allowed' }]);
	});

	it('refuses a missing name, an unknown kind and an unknown school type', async () => {
		const e = await refused({ name: ' ', kind: 'skolan' as never, parentId: null, schoolUnitCode: null, schoolTypes: ['XX' as never] });
		expect(e.issues).toEqual([
			{ field: 'name', message: 'units_error_name_required' },
			{ field: 'kind', message: 'units_error_kind_required' },
			{ field: 'schoolTypes', message: 'units_error_school_type' }
		]);
	});

	it('refuses a skolenhetskod that a unit of the same organizer already has', async () => {
		await buildUnit(h.db, { organizerId, schoolUnitCode: '45678901' });
		const e = await refused(school({ schoolUnitCode: '45678901' }));
		expect(e.code).toBe('INVALID');
		expect(e.issues).toEqual([{ field: 'schoolUnitCode', message: 'units_error_code_taken' }]);
	});

	it("refuses a skolenhetskod that another organizer's unit has: the code is unique in the installation", async () => {
		await buildUnit(h.db, { schoolUnitCode: '56789012' });
		const e = await refused(school({ schoolUnitCode: '56789012' }));
		expect(e.issues).toEqual([{ field: 'schoolUnitCode', message: 'units_error_code_taken' }]);
	});

	it('gives the same clear error when two admins save the same code at once', async () => {
		const results = await Promise.allSettled([
			createUnit(h.db, { actor: admin, organizerId, input: school({ name: 'Ena', schoolUnitCode: '67890123' }) }),
			createUnit(h.db, { actor: admin, organizerId, input: school({ name: 'Andra', schoolUnitCode: '67890123' }) })
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(failed.reason.issues).toEqual([{ field: 'schoolUnitCode', message: 'units_error_code_taken' }]);
		expect(await h.db.select().from(units).where(eq(units.schoolUnitCode, '67890123'))).toHaveLength(1);
	});

	it("turns the database's unique violation into the same field error when the check before the insert is beaten", async () => {
		const taken = await buildUnit(h.db, { organizerId });
		const e = (await withCodeGuard(() =>
			h.db.insert(units).values({ organizerId, name: 'Kopia', nameSort: 'kopia', kind: 'skolenhet', schoolUnitCode: taken.schoolUnitCode })
		).catch((x: AppError) => x)) as AppError;
		expect(e.code).toBe('INVALID');
		expect(e.issues).toEqual([{ field: 'schoolUnitCode', message: 'units_error_code_taken' }]);
	});

	it('refuses a parent from another organizer, as if it did not exist', async () => {
		const foreign = await buildUnit(h.db, { kind: 'forvaltning' });
		const e = await refused(school({ parentId: foreign.id }));
		expect(e.issues).toEqual([{ field: 'parentId', message: 'units_error_parent_not_found' }]);
	});

	it('refuses an archived parent and a parent id that is not an id', async () => {
		const old = await buildUnit(h.db, { organizerId, kind: 'forvaltning', archivedAt: new Date() });
		expect((await refused(school({ parentId: old.id }))).issues).toEqual([{ field: 'parentId', message: 'units_error_parent_archived' }]);
		expect((await refused(school({ parentId: 'inte-ett-id' }))).issues).toEqual([
			{ field: 'parentId', message: 'units_error_parent_not_found' }
		]);
	});

	it("lets only the organizer's administrators create units", async () => {
		const principal = await buildActor(h.db, [{ role: 'principal', organizerId }]);
		const otherAdmin = await buildActor(h.db, [{ role: 'org_admin', organizerId: (await buildOrganizer(h.db)).id }]);
		expect((await refused(school({ schoolUnitCode: '78901234' }), principal)).code).toBe('FORBIDDEN');
		expect((await refused(school({ schoolUnitCode: '78901234' }), otherAdmin)).code).toBe('FORBIDDEN');
		expect((await refused(school({ schoolUnitCode: '78901234' }), null as never)).code).toBe('UNAUTHENTICATED');
	});
});
