// Covers: computeAreaReport, findReportAreas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../../../tests/db';
import { buildActor, buildOrganizer, buildResponse, buildRound, buildUnit } from '../../../../../../tests/factories';
import type { DbHandle } from '../../../db';
import { isAppError } from '../../../errors';
import { computeOrganizerReport } from '../compute-organizer-report';
import { prepareReportExport } from '../export-rows';
import { TOTAL } from '../suppress';
import { computeAreaReport, findReportAreas } from './compute-area-report';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

const ITEM = 'ns.1-1.amnesdidaktisk-anvandning';
const code = (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e) => (isAppError(e) ? e.code : 'other')
	);

describe('computeAreaReport (issue 14 item 6)', () => {
	it("gives a principal the roll-up of their area's units only, with the organizer report's suppression, and its export", async () => {
		const organizer = await buildOrganizer(h.db);
		const forv = await buildUnit(h.db, { organizerId: organizer.id, name: 'Förvaltningen', kind: 'forvaltning' });
		const north = await buildUnit(h.db, { organizerId: organizer.id, name: 'RO Norr', kind: 'rektorsomrade', parentId: forv.id });
		const south = await buildUnit(h.db, { organizerId: organizer.id, name: 'RO Söder', kind: 'rektorsomrade', parentId: forv.id });
		const a = await buildUnit(h.db, { organizerId: organizer.id, name: 'Almskolan', parentId: north.id });
		const b = await buildUnit(h.db, { organizerId: organizer.id, name: 'Björkskolan', parentId: north.id });
		const c = await buildUnit(h.db, { organizerId: organizer.id, name: 'Cederskolan', parentId: south.id });
		const round = await buildRound(h.db, { organizer, units: [a, b, c], anonymityThreshold: 3, closedAt: new Date() });
		for (const [u, levels] of [
			[a, [1, 2, 2]],
			[b, [3, 3, 4, 4]],
			[c, [2, 2, 2, 2]]
		] as const)
			for (const level of levels) await buildResponse(h.db, { round, unitId: u.id, perspective: 'staff', answers: { [ITEM]: level } });
		const rektor = await buildActor(h.db, [{ role: 'principal', organizerId: organizer.id, unitId: north.id }]);
		const scope = { actor: rektor, organizerId: organizer.id, roundId: round.id };

		expect(await findReportAreas(h.db, { actor: rektor, organizerId: organizer.id, roundUnitIds: [a.id, b.id, c.id] })).toEqual([
			{ id: north.id, name: 'RO Norr' }
		]);
		const report = await computeAreaReport(h.db, { ...scope, areaId: north.id });
		expect(report.area.name).toBe('RO Norr');
		expect(report.units.map((u) => u.name)).toEqual(['Almskolan', 'Björkskolan']);
		expect(Object.keys(report.figures['1.1']).sort()).toEqual([a.id, b.id, TOTAL].sort());
		expect(report.unitValues['1.1'][c.id]).toBeUndefined();
		// Exactly the organizer report's cells for these units.
		const reader = await buildActor(h.db, [{ role: 'reader', organizerId: organizer.id }]);
		const full = await computeOrganizerReport(h.db, { actor: reader, organizerId: organizer.id, roundId: round.id });
		expect(report.figures['1.1'][a.id]).toEqual(full.figures['1.1'][a.id]);
		expect(report.equity['1.1'].counted.answers).toBe(2);
		expect(report.equity['1.1'].answers).toMatchObject({ units: 2, min: 5 / 3, max: 3.5 });

		// Not the sibling area, not the organizer report.
		expect(await code(computeAreaReport(h.db, { ...scope, areaId: south.id }))).toBe('FORBIDDEN');
		expect(await code(computeOrganizerReport(h.db, scope))).toBe('FORBIDDEN');
		expect(await code(prepareReportExport(h.db, scope))).toBe('FORBIDDEN');
		expect(await code(prepareReportExport(h.db, { ...scope, areaId: south.id }))).toBe('FORBIDDEN');

		// The export names the area's units only.
		const { rows, labels } = await prepareReportExport(h.db, { ...scope, areaId: north.id });
		const names = new Set<string>();
		for await (const row of rows()) if (row.sheet === 'figures') names.add(String(row.cells[2]));
		expect([...names].sort()).toEqual(['Almskolan', 'Björkskolan', labels.allUnits].sort());

		// Staff at the area, and organizer-wide readers (who have the whole report), get no area link.
		const staff = await buildActor(h.db, [{ role: 'staff', organizerId: organizer.id, unitId: north.id }]);
		expect(await code(computeAreaReport(h.db, { ...scope, actor: staff, areaId: north.id }))).toBe('FORBIDDEN');
		expect(await findReportAreas(h.db, { actor: reader, organizerId: organizer.id, roundUnitIds: [a.id, b.id, c.id] })).toEqual([]);
	});
});
