// Covers: getUnitReport.
/**
 * The unit report compares with the unit's previous round of the same framework, matched by item
 * key across framework versions, and says so when an item's meaning changed (a new key that
 * replaces an old one) or when an item is new. Two small framework versions are written to a
 * temporary folder that stands in for content/frameworks.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../../../../tests/db';
import { buildActor, buildOrganizer, buildRound, buildUnit } from '../../../../../tests/factories';
import type { DbHandle } from '../../db';
import { assessmentConsensus } from '../../db/schema';
import { getUnitReport } from './get-unit-report';

vi.mock('../framework/list-frameworks', async (importOriginal) => {
	const original = await importOriginal<typeof import('../framework/list-frameworks')>();
	const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
	const { tmpdir } = await import('node:os');
	const { join } = await import('node:path');
	const { framework, item } = await import('../framework/framework-fixtures');
	const dir = mkdtempSync(join(tmpdir(), 'rodtrad-frameworks-'));
	mkdirSync(join(dir, 'test'));
	writeFileSync(join(dir, 'test', '2026.1.yaml'), framework('2026.1', [['1.1', [item('t.same'), item('t.old')]]]));
	writeFileSync(
		join(dir, 'test', '2026.2.yaml'),
		framework('2026.2', [['1.1', [item('t.same'), item('t.new', 'replaces: t.old'), item('t.added')]]])
	);
	return { ...original, FRAMEWORKS_DIR: dir, listFrameworks: (root: string = dir) => original.listFrameworks(root) };
});

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

async function agree(round: { id: string; organizerId: string }, unitId: string, levels: Record<string, number>) {
	await h.db
		.insert(assessmentConsensus)
		.values(
			Object.entries(levels).map(([itemKey, level]) => ({ organizerId: round.organizerId, roundId: round.id, unitId, itemKey, level }))
		);
}

describe('the unit report compared with the previous round', () => {
	it('shows last round’s agreed levels, marks the item whose meaning changed with the key it replaces, and marks the new item', async () => {
		const organizer = await buildOrganizer(h.db);
		const unit = await buildUnit(h.db, { organizerId: organizer.id });
		const common = { organizer, units: [unit], frameworkKey: 'test', perspectives: ['leadership'], closedAt: new Date() };
		const last = await buildRound(h.db, {
			...common,
			name: 'Våren 2025',
			frameworkVersion: '2026.1',
			opensOn: '2025-03-01',
			closesOn: '2025-04-01'
		});
		const now = await buildRound(h.db, {
			...common,
			name: 'Våren 2026',
			frameworkVersion: '2026.2',
			opensOn: '2026-03-01',
			closesOn: '2026-04-01'
		});
		await agree(last, unit.id, { 't.same': 2, 't.old': 1 });
		await agree(now, unit.id, { 't.same': 3, 't.new': 3, 't.added': 2 });
		const principal = await buildActor(h.db, [{ role: 'principal', organizerId: organizer.id, unitId: unit.id }]);

		const report = await getUnitReport(h.db, { actor: principal, organizerId: organizer.id, roundId: now.id, unitId: unit.id });
		expect(report.previousRound).toEqual({ id: last.id, name: 'Våren 2025', frameworkVersion: '2026.1' });
		const byKey = Object.fromEntries(report.subGoals[0].items.map((i) => [i.key, i.previous]));
		expect(byKey['t.same']).toEqual({ previousAgreed: '2', meaningChanged: false, previousKey: 't.same', isNew: false });
		expect(byKey['t.new']).toEqual({ previousAgreed: '1', meaningChanged: true, previousKey: 't.old', isNew: false });
		expect(byKey['t.added']).toEqual({ previousAgreed: null, meaningChanged: false, previousKey: null, isNew: true });
	});

	it('has no comparison for the unit’s first round, nor from another unit’s earlier round', async () => {
		const organizer = await buildOrganizer(h.db);
		const unit = await buildUnit(h.db, { organizerId: organizer.id });
		const other = await buildUnit(h.db, { organizerId: organizer.id });
		const common = { organizer, frameworkKey: 'test', perspectives: ['leadership'], closedAt: new Date() };
		await buildRound(h.db, { ...common, units: [other], frameworkVersion: '2026.1', opensOn: '2025-03-01', closesOn: '2025-04-01' });
		const now = await buildRound(h.db, {
			...common,
			units: [unit],
			frameworkVersion: '2026.2',
			opensOn: '2026-03-01',
			closesOn: '2026-04-01'
		});
		const principal = await buildActor(h.db, [{ role: 'principal', organizerId: organizer.id, unitId: unit.id }]);
		const report = await getUnitReport(h.db, { actor: principal, organizerId: organizer.id, roundId: now.id, unitId: unit.id });
		expect(report.previousRound).toBeNull();
		expect(report.subGoals[0].items.every((i) => i.previous === null)).toBe(true);
	});
});
