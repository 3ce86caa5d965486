// Covers: getUnitReport, recordConsensus.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../../tests/db';
import { buildActor, buildOrganizer, buildResponse, buildRound, buildUnit } from '../../../../../tests/factories';
import type { DbHandle } from '../../db';
import { getUnitReport } from './get-unit-report';
import { recordConsensus } from './record-consensus';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

describe('the unit report', () => {
	it('puts items furthest from level 4 first, with the next step for the agreed level and means only for shown groups', async () => {
		const organizer = await buildOrganizer(h.db);
		const unit = await buildUnit(h.db, { organizerId: organizer.id });
		const round = await buildRound(h.db, { organizer, units: [unit], closedAt: new Date() });
		for (const level of [2, 3, 3, 4, 4])
			await buildResponse(h.db, { round, unitId: unit.id, perspective: 'staff', answers: { 'ns.1-1.programmering': level } });
		const principal = await buildActor(h.db, [{ role: 'principal', organizerId: organizer.id, unitId: unit.id }]);
		const base = { actor: principal, organizerId: organizer.id, roundId: round.id, unitId: unit.id };
		await recordConsensus(h.db, {
			...base,
			entries: [
				{ itemKey: 'ns.1-1.skolbibliotek', value: '4', evidence: '', note: '' },
				{ itemKey: 'ns.1-1.programmering', value: '1', evidence: 'Få elever har provat', note: '' }
			]
		});
		const reader = await buildActor(h.db, [{ role: 'reader', organizerId: organizer.id }]);
		const report = await getUnitReport(h.db, { ...base, actor: reader });
		expect(report.canRecordConsensus).toBe(false);
		const sg = report.subGoals.find((s) => s.id === '1.1')!;
		expect(sg.items[0].key).toBe('ns.1-1.programmering');
		expect(sg.items[0].nextStep?.sv).toBeTruthy();
		expect(sg.items[1]).toMatchObject({ key: 'ns.1-1.skolbibliotek', agreed: '4', nextStep: null });
		expect(sg.items.at(-1)!.agreed).toBeNull();
		expect(sg.agreedMean).toBe(2.5);
		expect(sg.items[0].means.find((m) => m.perspective === 'staff')).toEqual({ perspective: 'staff', shown: true, mean: 3.2 });
	});

	it('hides what the organizer report hides: a group of five next to a group of one, whose difference the unit total would give away', async () => {
		const organizer = await buildOrganizer(h.db);
		const unit = await buildUnit(h.db, { organizerId: organizer.id });
		const round = await buildRound(h.db, { organizer, units: [unit], closedAt: new Date() });
		for (const level of [2, 3, 3, 4, 4])
			await buildResponse(h.db, { round, unitId: unit.id, perspective: 'staff', answers: { 'ns.1-1.programmering': level } });
		await buildResponse(h.db, { round, unitId: unit.id, perspective: 'students', answers: { 'ns.1-1.programmering': 1 } });
		const reader = await buildActor(h.db, [{ role: 'reader', organizerId: organizer.id }]);
		const report = await getUnitReport(h.db, { actor: reader, organizerId: organizer.id, roundId: round.id, unitId: unit.id });
		const item = report.subGoals.find((s) => s.id === '1.1')!.items.find((i) => i.key === 'ns.1-1.programmering')!;
		expect(item.means.find((m) => m.perspective === 'students')).toEqual({ perspective: 'students', shown: false, mean: null });
		expect(item.means.find((m) => m.perspective === 'staff')).toEqual({ perspective: 'staff', shown: false, mean: null });
		expect(report.groups.find((g) => g.perspective === 'students')).toEqual({ perspective: 'students', responses: null, shown: false });
	});

	it('is refused to staff of the unit', async () => {
		const unit = await buildUnit(h.db);
		const round = await buildRound(h.db, { organizerId: unit.organizerId, units: [unit] });
		const teacher = await buildActor(h.db, [{ role: 'staff', organizerId: unit.organizerId, unitId: unit.id }]);
		const e = await getUnitReport(h.db, { actor: teacher, organizerId: unit.organizerId, roundId: round.id, unitId: unit.id }).catch(
			(x) => x
		);
		expect(e.code).toBe('FORBIDDEN');
	});
});
