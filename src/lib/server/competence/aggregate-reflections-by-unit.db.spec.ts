// Covers: aggregateReflectionsByUnit and the needs picture's unit reflections (decision 066).
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildUnit } from '../../../../tests/factories';
import { competenceReflections } from '../db/schema';
import { isAppError } from '../errors';
import { aggregateReflectionsByUnit } from './aggregate-reflections-by-unit';
import { getNeedsPicture } from './courses/get-needs-picture';
import { REFLECTION, REFLECTION_SET } from './competence-rules';

const t = useTestDatabase();

/** `n` staff at a unit, each with one reflection at `level` in every area, made at `at`. */
async function reflecting(org: string, unitId: string, n: number, level: number, at: Date) {
	for (let i = 0; i < n; i++) {
		const a = await buildActor(t.db, [{ role: 'staff', organizerId: org, unitId }]);
		const levels = Object.fromEntries(REFLECTION.areas.map((x) => [x.key, level]));
		await t.db
			.insert(competenceReflections)
			.values({ organizerId: org, personId: a.personId, itemSet: REFLECTION_SET, answers: {}, levels, overall: level, createdAt: at });
	}
}

describe('reflection aggregates per unit', () => {
	it('shows large units, hides a small one and one more beside it, and reads an earlier moment', async () => {
		const organizer = await buildOrganizer(t.db);
		const org = organizer.id;
		const big = await buildUnit(t.db, { organizer, name: 'Storskolan' });
		const mid = await buildUnit(t.db, { organizer, name: 'Mellanskolan' });
		const small = await buildUnit(t.db, { organizer, name: 'Småskolan' });
		const lastYear = new Date('2025-09-01T10:00:00Z');
		await reflecting(org, big.id, 8, 2, lastYear);
		await reflecting(org, mid.id, 5, 4, new Date());
		await reflecting(org, small.id, 2, 6, new Date());
		const support = await buildActor(t.db, [{ role: 'central_pedagogical_support', organizerId: org }]);
		const { threshold, units } = await aggregateReflectionsByUnit(t.db, { actor: support, organizerId: org });
		expect(threshold).toBe(5);
		const of = (id: string) => units.find((u) => u.unitId === id)!;
		expect(of(small.id)).toMatchObject({ shown: false, people: null, areas: [] });
		// Småskolan alone would be the organizer total minus the others: Mellanskolan (the smallest other) is hidden too.
		expect(of(mid.id)).toMatchObject({ shown: false, people: null });
		expect(of(big.id)).toMatchObject({ name: 'Storskolan', shown: true, people: 8 });
		expect(of(big.id).areas.every((a) => a.mean === 2)).toBe(true);

		const before = await aggregateReflectionsByUnit(t.db, { actor: support, organizerId: org, before: new Date('2026-01-01') });
		expect(before.units.map((u) => u.unitId)).toEqual([big.id]);

		const picture = await getNeedsPicture(t.db, { actor: support, organizerId: org, unitId: big.id });
		expect(picture.reflections).toMatchObject({ shown: true, people: 8 });
		const hidden = await getNeedsPicture(t.db, { actor: support, organizerId: org, unitId: small.id });
		expect(hidden.reflections).toMatchObject({ shown: false, areas: [] });
	});

	it('is for the aggregate readers only', async () => {
		const organizer = await buildOrganizer(t.db);
		const unit = await buildUnit(t.db, { organizer });
		const principal = await buildActor(t.db, [{ role: 'principal', organizerId: organizer.id, unitId: unit.id }]);
		const refusal = await aggregateReflectionsByUnit(t.db, { actor: principal, organizerId: organizer.id }).catch((e) => e);
		expect(isAppError(refusal) && refusal.code).toBe('FORBIDDEN');
	});
});
