// Covers: removeStep, removeIndicator.
import { describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildUnit } from '../../../../../tests/factories';
import { auditEvents, planningActions, planningChainStepActions, planningIndicatorMeasurements, planningIndicators } from '../../db/schema';
import { createAction } from '../create-action';
import { addResult } from './change-step';
import { createChain } from './create-chain';
import { getChain } from './get-chain';
import { linkAction } from './link-action';
import { addIndicator, addMeasurement } from './save-indicator';
import { removeIndicator, removeStep } from './remove-from-chain';

const t = useTestDatabase();

/** A unit chain with one result that has a measured manual indicator and a linked action. */
async function chainWithResult() {
	const organizer = await buildOrganizer(t.db);
	const unit = await buildUnit(t.db, { organizerId: organizer.id });
	const otherUnit = await buildUnit(t.db, { organizerId: organizer.id });
	const principal = await buildActor(t.db, [{ role: 'principal', organizerId: organizer.id, unitId: unit.id }]);
	const otherPrincipal = await buildActor(t.db, [{ role: 'principal', organizerId: organizer.id, unitId: otherUnit.id }]);
	const chain = await createChain(t.db, {
		actor: principal,
		organizerId: organizer.id,
		input: { scope: unit.id, title: `Kedja ${Math.random()}`, effect: 'Eleverna söker källor kritiskt', resources: '' }
	});
	const ids = { actor: principal, organizerId: organizer.id, chainId: chain.id };
	const result = await addResult(t.db, { ...ids, input: { text: 'Lärarna har en gemensam modell för källkritik' } });
	const indicator = await addIndicator(t.db, {
		...ids,
		input: { stepId: result.id, name: 'Andel lärare som använder modellen', kind: 'manual', baselineValue: '0,2', baselineOn: '2026-08-20' }
	});
	await addMeasurement(t.db, { ...ids, indicatorId: indicator.id, input: { value: '0,5', measuredOn: '2026-11-20', source: 'Enkät' } });
	const action = await createAction(t.db, {
		actor: principal,
		organizerId: organizer.id,
		input: { scope: unit.id, title: `Fortbildning ${Math.random()}`, responsibleId: principal.personId }
	});
	await linkAction(t.db, { ...ids, input: { stepId: result.id, actionId: action.id } });
	return { organizer, principal, otherPrincipal, chain, ids, result, indicator, action };
}

const auditsOf = (entityId: string) => t.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId));

describe('removing from an effect chain', () => {
	it('removes a result with its indicators, their measurements and its links, keeps the action, and logs what went', async () => {
		const s = await chainWithResult();
		await removeStep(t.db, { ...s.ids, stepId: s.result.id });
		expect((await getChain(t.db, s.ids)).steps.map((x) => x.kind)).toEqual(['effect']);
		expect(await t.db.select().from(planningIndicators).where(eq(planningIndicators.id, s.indicator.id))).toEqual([]);
		expect(
			await t.db.select().from(planningIndicatorMeasurements).where(eq(planningIndicatorMeasurements.indicatorId, s.indicator.id))
		).toEqual([]);
		expect(await t.db.select().from(planningChainStepActions).where(eq(planningChainStepActions.stepId, s.result.id))).toEqual([]);
		expect(await t.db.select({ id: planningActions.id }).from(planningActions).where(eq(planningActions.id, s.action.id))).toHaveLength(1);
		const [audit] = (await auditsOf(s.chain.id)).filter((a) => a.action === 'effect_chain.remove_step');
		expect(audit.changes).toMatchObject({
			text: ['Lärarna har en gemensam modell för källkritik', null],
			indicators: [['Andel lärare som använder modellen'], []],
			actionIds: [[s.action.id], []]
		});
	});

	it('refuses to remove the effect, and another unit’s principal may remove nothing; nothing is written', async () => {
		const s = await chainWithResult();
		const effect = (await getChain(t.db, s.ids)).steps.find((x) => x.kind === 'effect')!;
		const refused = await removeStep(t.db, { ...s.ids, stepId: effect.id }).catch((e) => e);
		expect(refused).toMatchObject({ code: 'INVALID', issues: [{ field: 'stepId', message: 'effects_error_remove_effect' }] });
		const outsider = { ...s.ids, actor: s.otherPrincipal };
		expect((await removeStep(t.db, { ...outsider, stepId: s.result.id }).catch((e) => e)).code).toBe('FORBIDDEN');
		expect((await removeIndicator(t.db, { ...outsider, indicatorId: s.indicator.id }).catch((e) => e)).code).toBe('FORBIDDEN');
		expect((await removeStep(t.db, { ...s.ids, stepId: 'inte-ett-id' }).catch((e) => e)).code).toBe('NOT_FOUND');
		expect((await getChain(t.db, s.ids)).steps).toHaveLength(2);
		expect(await t.db.select().from(planningIndicators).where(eq(planningIndicators.id, s.indicator.id))).toHaveLength(1);
		expect((await auditsOf(s.chain.id)).map((a) => a.action)).not.toContain('effect_chain.remove_step');
	});

	it('removes one indicator and its measurements and logs its name and how many measurements went', async () => {
		const s = await chainWithResult();
		const kept = await addIndicator(t.db, { ...s.ids, input: { stepId: s.result.id, name: 'Antal lektioner', kind: 'manual' } });
		await removeIndicator(t.db, { ...s.ids, indicatorId: s.indicator.id });
		const left = await t.db
			.select({ id: planningIndicators.id })
			.from(planningIndicators)
			.where(inArray(planningIndicators.id, [s.indicator.id, kept.id]));
		expect(left).toEqual([{ id: kept.id }]);
		const [audit] = (await auditsOf(s.indicator.id)).filter((a) => a.action === 'indicator.remove');
		expect(audit.changes).toMatchObject({ name: ['Andel lärare som använder modellen', null], measurements: [1, 0] });
		// An indicator of another chain is not found through this one.
		const other = await chainWithResult();
		expect((await removeIndicator(t.db, { ...s.ids, indicatorId: other.indicator.id }).catch((e) => e)).code).toBe('NOT_FOUND');
	});
});
