// Covers: addResult, createChain, findIndicatorChanges, getChain, linkAction, loadChainPage, addIndicator, addMeasurement.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildResponse, buildRound, buildUnit } from '../../../../../tests/factories';
import { auditEvents, planningChainStepActions, planningIndicators } from '../../db/schema';
import { isAppError } from '../../errors';
import { createAction } from '../create-action';
import { addResult } from './change-step';
import { createChain } from './create-chain';
import { findIndicatorChanges } from './find-indicator-changes';
import { getChain } from './get-chain';
import { linkAction } from './link-action';
import { loadChainPage } from './load-chain-page';
import { addIndicator, addMeasurement } from './save-indicator';

const t = useTestDatabase();
const ITEM = 'ns.1-1.amnesdidaktisk-anvandning';

/** The error a call throws (or fails the test when it throws none). */
async function failure(p: Promise<unknown>) {
	try {
		await p;
	} catch (e) {
		if (isAppError(e)) return e;
		throw e;
	}
	throw new Error('expected a refusal');
}

async function setup() {
	const organizer = await buildOrganizer(t.db);
	const unitA = await buildUnit(t.db, { organizerId: organizer.id });
	const unitB = await buildUnit(t.db, { organizerId: organizer.id });
	const leader = await buildActor(t.db, [{ role: 'leadership', organizerId: organizer.id }]);
	const principalA = await buildActor(t.db, [{ role: 'principal', organizerId: organizer.id, unitId: unitA.id }]);
	const principalB = await buildActor(t.db, [{ role: 'principal', organizerId: organizer.id, unitId: unitB.id }]);
	return { organizer, unitA, unitB, leader, principalA, principalB };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** Two closed rounds: every unit's staff answer ITEM at 1–2 in the first and 3–4 in the second; `few` answer twice only. */
async function twoRounds(s: Setup, many: Awaited<ReturnType<typeof buildUnit>>[], few: Awaited<ReturnType<typeof buildUnit>>[] = []) {
	const units = [...many, ...few];
	const first = await buildRound(t.db, {
		organizer: s.organizer,
		units,
		opensOn: '2024-09-01',
		closesOn: '2024-10-01',
		name: 'Hösten 2024'
	});
	const second = await buildRound(t.db, {
		organizer: s.organizer,
		units,
		opensOn: '2025-09-01',
		closesOn: '2025-10-01',
		name: 'Hösten 2025'
	});
	for (const u of many)
		for (let i = 0; i < 10; i++) {
			await buildResponse(t.db, { round: first, unitId: u.id, perspective: 'staff', answers: { [ITEM]: 1 + (i % 2) } });
			await buildResponse(t.db, { round: second, unitId: u.id, perspective: 'staff', answers: { [ITEM]: 3 + (i % 2) } });
		}
	for (const u of few)
		for (let i = 0; i < 2; i++) {
			await buildResponse(t.db, { round: first, unitId: u.id, perspective: 'staff', answers: { [ITEM]: 1 } });
			await buildResponse(t.db, { round: second, unitId: u.id, perspective: 'staff', answers: { [ITEM]: 4 } });
		}
}

const chainInput = (scope: string) => ({
	scope,
	title: `Kedja ${Math.random()}`,
	effect: 'Lärarna väljer digitala verktyg med ett tydligt syfte',
	resources: ''
});

describe('computed self-assessment indicators', () => {
	it('show both rounds and say the mean moved when the change is above the noise', async () => {
		const s = await setup();
		await twoRounds(s, [s.unitA, s.unitB]);
		const chain = await createChain(t.db, { actor: s.leader, organizerId: s.organizer.id, input: chainInput('organizer') });
		const effect = (await getChain(t.db, { actor: s.leader, organizerId: s.organizer.id, chainId: chain.id })).steps[0];
		const ids = { actor: s.leader, organizerId: s.organizer.id, chainId: chain.id };
		await addIndicator(t.db, {
			...ids,
			input: { stepId: effect.id, name: 'Delmål 1.1', kind: 'assessment_mean', goal: 'nationella-strategin:1.1' }
		});
		await addIndicator(t.db, {
			...ids,
			input: {
				stepId: effect.id,
				name: 'Andel på nivå 3',
				kind: 'assessment_share',
				goal: `nationella-strategin:1.1:${ITEM}`,
				perspective: 'staff'
			}
		});

		const page = await loadChainPage(t.db, { ...ids, locale: 'sv' });
		const [mean, share] = page.steps[0].indicators;
		expect(mean.history.map((p) => [p.label, p.value])).toEqual([
			['Hösten 2024', 1.5],
			['Hösten 2025', 3.5]
		]);
		expect(mean.movement).toBe('moved');
		expect(share.history.map((p) => p.value)).toEqual([0, 1]);
		expect(share.movement).toBe('moved');

		const changes = await findIndicatorChanges(t.db, s.leader, s.organizer.id);
		expect(changes.filter((c) => c.chainId === chain.id).map((c) => [c.name, c.latest?.value, c.movement])).toEqual([
			['Delmål 1.1', 3.5, 'moved'],
			['Andel på nivå 3', 1, 'moved']
		]);
	});

	it('keep a cell hidden by the anonymity rule hidden, with too little to say whether it moved', async () => {
		const s = await setup();
		const unitC = await buildUnit(t.db, { organizerId: s.organizer.id });
		await twoRounds(s, [s.unitA, unitC], [s.unitB]);
		const chain = await createChain(t.db, { actor: s.principalB, organizerId: s.organizer.id, input: chainInput(s.unitB.id) });
		const effect = (await getChain(t.db, { actor: s.principalB, organizerId: s.organizer.id, chainId: chain.id })).steps[0];
		const ids = { actor: s.principalB, organizerId: s.organizer.id, chainId: chain.id };
		await addIndicator(t.db, {
			...ids,
			input: { stepId: effect.id, name: 'Vår medelnivå', kind: 'assessment_mean', goal: 'nationella-strategin:1.1' }
		});
		await addIndicator(t.db, {
			...ids,
			input: { stepId: effect.id, name: 'Vår andel', kind: 'assessment_share', goal: 'nationella-strategin:1.1', perspective: 'staff' }
		});

		const [mean, share] = (await loadChainPage(t.db, { ...ids, locale: 'sv' })).steps[0].indicators;
		for (const ind of [mean, share]) {
			expect(ind.history).toHaveLength(2);
			expect(ind.history.every((p) => p.value === null && p.suppressed)).toBe(true);
			expect(ind.latest).toMatchObject({ value: null, suppressed: true });
			expect(ind.movement).toBe('too_little');
		}
		const changes = (await findIndicatorChanges(t.db, s.principalB, s.organizer.id)).filter((c) => c.chainId === chain.id);
		expect(changes.map((c) => c.latest?.value ?? null)).toEqual([null, null]);
		// Nothing of the hidden figures reaches the page data.
		expect(JSON.stringify(mean)).not.toContain('"mean":4');
	});
});

describe('writing a chain', () => {
	it('refuses a target without a baseline beside the field and writes nothing', async () => {
		const s = await setup();
		const chain = await createChain(t.db, { actor: s.principalA, organizerId: s.organizer.id, input: chainInput(s.unitA.id) });
		const effect = (await getChain(t.db, { actor: s.principalA, organizerId: s.organizer.id, chainId: chain.id })).steps[0];
		const e = await failure(
			addIndicator(t.db, {
				actor: s.principalA,
				organizerId: s.organizer.id,
				chainId: chain.id,
				input: { stepId: effect.id, name: 'Elevenkät', kind: 'manual', targetValue: '80', targetOn: '2027-06-01' }
			})
		);
		expect(e.code).toBe('INVALID');
		expect(e.issues).toContainEqual({ field: 'targetValue', message: 'effects_error_target_without_baseline' });
		expect(await t.db.select().from(planningIndicators).where(eq(planningIndicators.stepId, effect.id))).toEqual([]);
	});

	it('keeps measurements of a manual indicator and compares the latest with the baseline', async () => {
		const s = await setup();
		const chain = await createChain(t.db, { actor: s.principalA, organizerId: s.organizer.id, input: chainInput(s.unitA.id) });
		const ids = { actor: s.principalA, organizerId: s.organizer.id, chainId: chain.id };
		const result = await addResult(t.db, { ...ids, input: { text: 'Alla lärare har gått fortbildningen' } });
		const ind = await addIndicator(t.db, {
			...ids,
			input: {
				stepId: result.id,
				name: 'Andel lärare klara',
				kind: 'manual',
				baselineValue: '0,4',
				baselineOn: '2026-08-15',
				targetValue: '0,9',
				targetOn: '2027-06-01'
			}
		});
		await addMeasurement(t.db, { ...ids, indicatorId: ind.id, input: { value: '0,42', measuredOn: '2026-10-01', source: 'Närvarolista' } });
		let [view] = (await loadChainPage(t.db, { ...ids, locale: 'sv' })).steps[1].indicators;
		expect(view.movement).toBe('not_moved');
		await addMeasurement(t.db, { ...ids, indicatorId: ind.id, input: { value: '0,7', measuredOn: '2026-12-01', source: 'Närvarolista' } });
		[view] = (await loadChainPage(t.db, { ...ids, locale: 'sv' })).steps[1].indicators;
		expect(view.history.map((p) => p.value)).toEqual([0.42, 0.7]);
		expect(view).toMatchObject({ baseline: { value: 0.4, on: '2026-08-15' }, target: { value: 0.9 }, movement: 'moved' });
		const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, ind.id));
		expect(audits.map((a) => a.action).sort()).toEqual(['indicator.create', 'indicator.measure', 'indicator.measure']);
	});

	it("refuses linking another organizer's action and writes no link", async () => {
		const s = await setup();
		const other = await buildOrganizer(t.db);
		const otherUnit = await buildUnit(t.db, { organizerId: other.id });
		const otherLeader = await buildActor(t.db, [{ role: 'leadership', organizerId: other.id }]);
		const foreign = await createAction(t.db, {
			actor: otherLeader,
			organizerId: other.id,
			input: { scope: otherUnit.id, title: 'Främmande aktivitet', responsibleId: otherLeader.personId }
		});
		const own = await createAction(t.db, {
			actor: s.leader,
			organizerId: s.organizer.id,
			input: { scope: s.unitA.id, title: 'Egen aktivitet', responsibleId: s.leader.personId }
		});
		const chain = await createChain(t.db, { actor: s.leader, organizerId: s.organizer.id, input: chainInput(s.unitA.id) });
		const ids = { actor: s.leader, organizerId: s.organizer.id, chainId: chain.id };
		const stepId = (await getChain(t.db, ids)).steps[0].id;
		const e = await failure(linkAction(t.db, { ...ids, input: { stepId, actionId: foreign.id } }));
		expect(e.code).toBe('INVALID');
		expect(e.issues).toEqual([{ field: 'actionId', message: 'effects_error_action' }]);
		expect(await t.db.select().from(planningChainStepActions).where(eq(planningChainStepActions.stepId, stepId))).toEqual([]);

		await linkAction(t.db, { ...ids, input: { stepId, actionId: own.id } });
		const page = await loadChainPage(t.db, { ...ids, locale: 'sv' });
		expect(page.steps[0].actions.map((a) => a.id)).toEqual([own.id]);
	});

	it("does not let a unit's principal change another unit's chain or start one there", async () => {
		const s = await setup();
		const chain = await createChain(t.db, { actor: s.principalB, organizerId: s.organizer.id, input: chainInput(s.unitB.id) });
		const e = await failure(
			addResult(t.db, { actor: s.principalA, organizerId: s.organizer.id, chainId: chain.id, input: { text: 'Smyger in ett resultat' } })
		);
		expect(e.code).toBe('FORBIDDEN');
		const scope = await failure(createChain(t.db, { actor: s.principalA, organizerId: s.organizer.id, input: chainInput(s.unitB.id) }));
		expect(scope.issues).toEqual([{ field: 'scope', message: 'effects_error_scope' }]);
		expect((await getChain(t.db, { actor: s.principalB, organizerId: s.organizer.id, chainId: chain.id })).steps).toHaveLength(1);
	});
});
