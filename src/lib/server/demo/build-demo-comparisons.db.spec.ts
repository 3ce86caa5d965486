// Covers: buildDemoComparisons (with findComparisonValues and loadComparisonsBeside, as the follow-up and the board report read it).
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildOrganizer, buildUnit } from '../../../../tests/factories';
import { buildDemoComparisons } from './build-demo-comparisons';
import { findComparisonValues } from '../followup/comparisons/find-comparison-values';
import { loadComparisonsBeside } from '../followup/comparisons/comparisons-beside';
import { termOf } from '../followup/board-report/period';
import { periodOf } from '../planning/period';
import type { DemoOrganizer } from './build-demo-organizer';

const t = useTestDatabase();

/** An organizer with four skolenheter, as the demo plan gives them to buildDemoComparisons. */
async function demoWithSchools() {
	const org = await buildOrganizer(t.db, { municipalityCode: '0199' });
	const plans = [];
	const ids: Record<string, string> = {};
	for (let i = 0; i < 4; i++) {
		const code = `6${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
		const u = await buildUnit(t.db, { organizerId: org.id, name: `Skola ${i}`, schoolUnitCode: code, kind: 'skolenhet' });
		ids[`s${i}`] = u.id;
		plans.push({
			key: `s${i}`,
			parentKey: null,
			name: u.name,
			kind: 'skolenhet' as const,
			schoolTypes: ['GR'],
			schoolUnitCode: code,
			staff: 1,
			students: 0,
			guardians: 0
		});
	}
	return { org, ids, demo: { organizerId: org.id, units: ids, unitPlans: plans } as unknown as DemoOrganizer };
}

describe('demo comparison values', () => {
	it('gives the municipality and three schools Kolada-style values over two years, linked to own figures', async () => {
		const { org, demo } = await demoWithSchools();
		const counts = await buildDemoComparisons(t.db, demo, { now: new Date('2026-09-01T12:00:00Z') });
		expect(counts).toEqual({ keyFigures: 5, values: 5 * 2 + 2 * 3 * 2, mappings: 4 });
		const found = await findComparisonValues(t.db, {
			organizerId: org.id,
			figureKeys: ['support.lost_lessons_per_100_students'],
			periods: ['2024', '2025', '2026']
		});
		const lost = found['support.lost_lessons_per_100_students'];
		// September 2026: the school years 2024/25 and 2025/26 have ended, Kolada's 2025 and 2026.
		expect(lost.filter((v) => v.areaKind === 'municipality').map((v) => [v.period, v.value, v.source])).toEqual([
			['2025', 6.4, 'Kolada'],
			['2026', 5.6, 'Kolada']
		]);
		expect(new Set(lost.filter((v) => v.areaKind === 'school_unit').map((v) => v.unitName))).toEqual(
			new Set(['Skola 0', 'Skola 1', 'Skola 2'])
		);
	});

	it('stands beside the autumn board report, as beside the spring one (the demo reports of the two newest terms)', async () => {
		const { org, ids, demo } = await demoWithSchools();
		const now = new Date('2026-12-03T12:00:00Z');
		await buildDemoComparisons(t.db, demo, { now });
		const own = { 'support.lost_lessons_per_100_students': 4.2, 'devices.per_student': null };
		// The periods as gatherBoardFigures reads them: the school years the term's first and last days fall in.
		const beside = async (term: { from: string; to: string }, unitId: string | null) =>
			loadComparisonsBeside(t.db, {
				organizerId: org.id,
				unitId,
				schoolYears: [...new Set([periodOf(term.from), periodOf(term.to)])],
				own
			});
		for (const term of [termOf('2026-09-01'), termOf('2026-03-01')]) {
			const organizer = await beside(term, null);
			expect(organizer.map((c) => c.figureKey).sort(), term.from).toEqual(['devices.per_student', 'support.lost_lessons_per_100_students']);
			expect(
				organizer.every((c) => c.values.every((v) => v.areaKind === 'municipality')),
				term.from
			).toBe(true);
			const school = await beside(term, ids.s0);
			expect(school.find((c) => c.figureKey === 'support.lost_lessons_per_100_students')?.values.length, term.from).toBeGreaterThan(0);
		}
	});
});
