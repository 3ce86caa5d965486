// Covers: findUnits, getUnitById.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildOrganizer, buildUnit } from '../../../../tests/factories';
import type { DbHandle } from '../db';
import type { Actor } from '../policies';
import { findUnits, getUnitById } from './find-units';

let h: DbHandle;
let organizerId: string;
let admin: Actor;
beforeAll(async () => {
	h = await createTestDatabase();
	organizerId = (await buildOrganizer(h.db)).id;
	admin = await buildActor(h.db, [{ role: 'org_admin', organizerId }]);
});
afterAll(() => h.close());

describe('listing the unit tree', () => {
	it("gives the organizer's units depth-first, each level in Swedish order, and leaves archived ones out unless asked", async () => {
		const top = await buildUnit(h.db, { organizerId, name: 'Förvaltningen', kind: 'forvaltning' });
		await buildUnit(h.db, { organizerId, name: 'Örnskolan', parentId: top.id });
		await buildUnit(h.db, { organizerId, name: 'Åsskolan', parentId: top.id });
		await buildUnit(h.db, { organizerId, name: 'Ängsskolan', parentId: top.id });
		await buildUnit(h.db, { organizerId, name: 'Arkiverade skolan', archivedAt: new Date() });
		await buildUnit(h.db, { name: 'Grannens skola' });

		const active = await findUnits(h.db, { actor: admin, organizerId });
		expect(active.map((u) => [u.name, u.depth])).toEqual([
			['Förvaltningen', 0],
			['Åsskolan', 1],
			['Ängsskolan', 1],
			['Örnskolan', 1]
		]);
		const all = await findUnits(h.db, { actor: admin, organizerId, includeArchived: true });
		expect(all.map((u) => u.name)).toEqual(['Arkiverade skolan', 'Förvaltningen', 'Åsskolan', 'Ängsskolan', 'Örnskolan']);
	});

	it('is for administrators only', async () => {
		const staff = await buildActor(h.db, [{ role: 'staff', organizerId }]);
		await expect(findUnits(h.db, { actor: staff, organizerId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});
});

describe('getting one unit', () => {
	it("finds the organizer's own unit", async () => {
		const u = await buildUnit(h.db, { organizerId });
		expect((await getUnitById(h.db, { actor: admin, organizerId, unitId: u.id })).id).toBe(u.id);
	});

	it("answers NOT_FOUND, never data, for another organizer's unit, a made-up id and a tampered one", async () => {
		const theirs = await buildUnit(h.db);
		for (const unitId of [theirs.id, '00000000-0000-4000-8000-000000000000', 'abc', "1' or '1'='1"]) {
			await expect(getUnitById(h.db, { actor: admin, organizerId, unitId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		}
	});
});
