// Covers: getUnitReport.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildRound, buildUnit } from '../../../../../tests/factories';
import { getUnitReport } from './get-unit-report';

const t = useTestDatabase();

describe('the unit report’s way into planning', () => {
	it('offers "Gör till aktivitet" to those who plan for the unit (its principal, the principal of its area), not to its key people, with the round’s framework', async () => {
		const organizer = await buildOrganizer(t.db);
		const area = await buildUnit(t.db, { organizerId: organizer.id, kind: 'rektorsomrade' });
		const unit = await buildUnit(t.db, { organizerId: organizer.id, parentId: area.id });
		const round = await buildRound(t.db, { organizer, units: [unit], closedAt: new Date() });
		const on = (role: 'principal' | 'pedagogical_key_person', unitId: string) =>
			buildActor(t.db, [{ role, organizerId: organizer.id, unitId }]);
		const report = async (actor: Awaited<ReturnType<typeof on>>) =>
			(await getUnitReport(t.db, { actor, organizerId: organizer.id, roundId: round.id, unitId: unit.id })).planning;
		expect(await report(await on('principal', unit.id))).toEqual({ frameworkKey: 'nationella-strategin', canPlan: true });
		expect((await report(await on('principal', area.id))).canPlan).toBe(true);
		expect((await report(await on('pedagogical_key_person', unit.id))).canPlan).toBe(false);
	});
});
