// Covers: computeOrganizerReport, computeProgression.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../../tests/db';
import { buildActor, buildOrganizer, buildResponse, buildRound, buildUnit } from '../../../../../tests/factories';
import type { DbHandle } from '../../db';
import { computeOrganizerReport } from './compute-organizer-report';
import { computeProgression } from './compute-progression';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

const ITEM = 'ns.1-1.amnesdidaktisk-anvandning';
const OTHER = 'ns.1-1.likvardig-anvandning';

describe('computeProgression', () => {
	it('compares with the latest earlier round of the same framework and marks only changes above the noise', async () => {
		const organizer = await buildOrganizer(h.db);
		const units = [await buildUnit(h.db, { organizerId: organizer.id }), await buildUnit(h.db, { organizerId: organizer.id })];
		const first = await buildRound(h.db, { organizer, units, opensOn: '2024-09-01', closesOn: '2024-10-01', name: 'Hösten 2024' });
		const before = await buildRound(h.db, { organizer, units, opensOn: '2025-09-01', closesOn: '2025-10-01', name: 'Hösten 2025' });
		await buildRound(h.db, { organizer, units, opensOn: '2025-10-01', closesOn: '2025-11-01', frameworkKey: 'supportorganisationen' });
		const now = await buildRound(h.db, { organizer, units, opensOn: '2026-09-01', closesOn: '2026-10-01', name: 'Hösten 2026' });
		for (const u of units) {
			for (let i = 0; i < 10; i++) {
				await buildResponse(h.db, {
					round: before,
					unitId: u.id,
					perspective: 'staff',
					answers: { [ITEM]: 1 + (i % 2), [OTHER]: 2 + (i % 2) }
				});
				await buildResponse(h.db, {
					round: now,
					unitId: u.id,
					perspective: 'staff',
					answers: { [ITEM]: 3 + (i % 2), [OTHER]: 2 + ((i + 1) % 2) }
				});
			}
		}
		const actor = await buildActor(h.db, [{ role: 'leadership', organizerId: organizer.id }]);
		const report = await computeOrganizerReport(h.db, { actor, organizerId: organizer.id, roundId: now.id });
		const p = await computeProgression(h.db, { actor, organizerId: organizer.id, report });

		expect(p.compared?.id).toBe(before.id);
		expect(p.earlier.map((e) => e.id)).toEqual([before.id, first.id]);
		const item = p.items.find((i) => i.key === ITEM)!;
		expect(item).toMatchObject({ previousKey: ITEM, meaningChanged: false, real: true });
		expect(item.diff).toBeCloseTo(2);
		const other = p.items.find((i) => i.key === OTHER)!;
		expect(other).toMatchObject({ real: false });
		expect(other.diff).toBeCloseTo(0);
		const sub = p.subGoals.find((s) => s.id === '1.1')!;
		expect(sub.diff).toBeCloseTo(1);
		expect(sub.real).toBe(true);

		// The trend over every round of the framework, oldest first, with the empty first round as a gap.
		expect(p.trend.rounds.map((r) => r.name)).toEqual(['Hösten 2024', 'Hösten 2025', 'Hösten 2026']);
		const line = p.trend.subGoals.find((s) => s.id === '1.1')!.means;
		expect(line[0]).toBeNull();
		expect(line[2]! - line[1]!).toBeCloseTo(1);
		// Each unit's change in its pooled value.
		expect(p.units.map((u) => u.id).sort()).toEqual(units.map((u) => u.id).sort());
		for (const u of p.units) expect(u.subGoals.find((s) => s.id === '1.1')!.diff).toBeCloseTo(1);
		// Items are named by their text.
		expect(item.text.sv).not.toContain('ns.1-1');
		expect(item.text.sv.length).toBeGreaterThan(10);

		const older = await computeProgression(h.db, { actor, organizerId: organizer.id, report, compareWith: first.id });
		expect(older.compared?.id).toBe(first.id);
		expect(older.items.find((i) => i.key === ITEM)?.before).toBeNull();
	});

	it('has nothing to compare for the first round', async () => {
		const organizer = await buildOrganizer(h.db);
		const round = await buildRound(h.db, { organizer });
		const actor = await buildActor(h.db, [{ role: 'org_admin', organizerId: organizer.id }]);
		const report = await computeOrganizerReport(h.db, { actor, organizerId: organizer.id, roundId: round.id });
		expect(await computeProgression(h.db, { actor, organizerId: organizer.id, report })).toMatchObject({ compared: null, items: [] });
	});
});
