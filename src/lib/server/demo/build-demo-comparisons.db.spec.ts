// Covers: buildDemoComparisons (with findComparisonValues, as the follow-up reads it).
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildOrganizer, buildUnit } from '../../../../tests/factories';
import { buildDemoComparisons } from './build-demo-comparisons';
import { findComparisonValues } from '../followup/comparisons/find-comparison-values';
import type { DemoOrganizer } from './build-demo-organizer';

const t = useTestDatabase();

describe('demo comparison values', () => {
	it('gives the municipality and three schools Kolada-style values over two years, linked to own figures', async () => {
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
		const demo = { organizerId: org.id, units: ids, unitPlans: plans } as unknown as DemoOrganizer;
		const counts = await buildDemoComparisons(t.db, demo, { now: new Date('2026-09-01T12:00:00Z') });
		expect(counts).toEqual({ keyFigures: 5, values: 5 * 2 + 2 * 3 * 2, mappings: 4 });
		const found = await findComparisonValues(t.db, {
			organizerId: org.id,
			figureKeys: ['support.lost_lessons_per_100_students'],
			periods: ['2024', '2025']
		});
		const lost = found['support.lost_lessons_per_100_students'];
		expect(lost.filter((v) => v.areaKind === 'municipality').map((v) => [v.period, v.value, v.source])).toEqual([
			['2024', 6.4, 'Kolada'],
			['2025', 5.6, 'Kolada']
		]);
		expect(new Set(lost.filter((v) => v.areaKind === 'school_unit').map((v) => v.unitName))).toEqual(
			new Set(['Skola 0', 'Skola 1', 'Skola 2'])
		);
	});
});
