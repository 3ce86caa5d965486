import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import {
	assessmentRounds,
	planningActionEvents,
	planningActions,
	planningChainStepActions,
	planningChainSteps,
	planningEffectChains,
	planningIndicatorMeasurements,
	planningIndicators,
	planningPlans
} from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { roundStatus } from '../assessment/rounds/round-status';
import { buildOrganizerReport } from '../assessment/reports/compute-organizer-report';
import { isRealChange } from '../assessment/reports/stats';
import { TOTAL } from '../assessment/reports/suppress';
import { periodOf } from '../planning/period';
import type { DemoOrganizer } from './build-demo-organizer';
import type { Random } from './random';
import { addDays } from './plan-demo-answers';

/** Whose mean a demo indicator follows, as the start of its name. */
const GROUP_NAME: Record<string, string> = {
	staff: 'Personalens',
	key_people: 'Nyckelpersonernas',
	leadership: 'Ledningens',
	students: 'Elevernas'
};

export type DemoEffectCounts = { chains: number; indicators: number; links: number };

type Gain = { unitId: string | null; subGoalId: string; before: number; after: number; perspective: string | null };

/**
 * Where the demo's two latest closed rounds moved, by the progression's noise rule, on the figures the
 * organizer's report shows (hidden cells never qualify): per sub-goal for the whole organizer and per unit,
 * all perspectives together or one (a unit's total is often hidden while its staff figure is not), largest
 * rise first.
 */
async function realGains(tx: Db, organizerId: string, roundIds: [string, string]): Promise<{ organizer: Gain[]; units: Gain[] }> {
	const before = await buildOrganizerReport(tx, { organizerId, roundId: roundIds[0] });
	const after = await buildOrganizerReport(tx, { organizerId, roundId: roundIds[1] });
	const gains: Gain[] = [];
	for (const sg of after.subGoals)
		for (const row of [TOTAL, ...after.units.map((u) => u.id)])
			for (const col of [TOTAL, ...after.perspectives]) {
				const b = before.figures[sg.id]?.[row]?.[col];
				const a = after.figures[sg.id]?.[row]?.[col];
				if (!isRealChange(b, a) || a!.mean! <= b!.mean!) continue;
				gains.push({
					unitId: row === TOTAL ? null : row,
					subGoalId: sg.id,
					before: b!.mean!,
					after: a!.mean!,
					perspective: col === TOTAL ? null : col
				});
			}
	gains.sort((x, y) => y.after - y.before - (x.after - x.before));
	return { organizer: gains.filter((g) => g.unitId === null), units: gains.filter((g) => g.unitId !== null) };
}

/** The demo's planning actions, or two of its own in the organizer's plan for this läsår when there are none. */
async function demoActions(tx: Db, demo: DemoOrganizer, responsibleId: string) {
	const found = await tx
		.select({ id: planningActions.id, unitId: planningPlans.unitId })
		.from(planningActions)
		.innerJoin(planningPlans, eq(planningPlans.id, planningActions.planId))
		.where(eq(planningActions.organizerId, demo.organizerId))
		.orderBy(asc(planningActions.createdAt))
		.limit(20);
	if (found.length) return found;
	const period = periodOf();
	const where = and(eq(planningPlans.organizerId, demo.organizerId), eq(planningPlans.period, period), isNull(planningPlans.unitId));
	const plan =
		(await tx.select().from(planningPlans).where(where))[0] ??
		(
			await tx.insert(planningPlans).values({ organizerId: demo.organizerId, unitId: null, period, createdBy: responsibleId }).returning()
		)[0];
	const made = await tx
		.insert(planningActions)
		.values(
			[
				{
					title: 'Gemensam studiedag om digitala verktyg i undervisningen',
					how: 'En heldag i augusti med workshoppar per ämne.',
					hours: 6,
					moneySek: 40000
				},
				{
					title: 'Nätverk för pedagogiska nyckelpersoner',
					how: 'Träffar två gånger per termin med erfarenhetsutbyte.',
					hours: 12,
					moneySek: 0
				}
			].map((a) => ({
				...a,
				organizerId: demo.organizerId,
				planId: plan.id,
				responsibleId,
				status: 'in_progress',
				createdBy: responsibleId
			}))
		)
		.returning({ id: planningActions.id });
	await tx
		.insert(planningActionEvents)
		.values(made.map((a) => ({ organizerId: demo.organizerId, actionId: a.id, toStatus: 'in_progress', actorId: responsibleId })));
	return made.map((a) => ({ id: a.id, unitId: null as string | null }));
}

/**
 * Two effect chains for the demo: the organizer's, whose effect is followed by the sub-goal that rose most
 * between the two latest closed self-assessment rounds, and one school unit's, followed where that unit
 * rose most, each with a result, a second indicator (a manual one with measurements, a support figure) and
 * linked demo actions. Their computed indicators show movement on the first visit.
 */
export async function buildDemoEffects(tx: Db, demo: DemoOrganizer, random: Random, today = todayInStockholm()): Promise<DemoEffectCounts> {
	const organizerId = demo.organizerId;
	const author = demo.people.leadership[0]?.id ?? demo.people.org_admin[0]?.id;
	if (!author) return { chains: 0, indicators: 0, links: 0 };
	const rounds = (
		await tx.select().from(assessmentRounds).where(eq(assessmentRounds.organizerId, organizerId)).orderBy(asc(assessmentRounds.opensOn))
	).filter((r) => roundStatus(r, today) === 'closed');
	if (rounds.length < 2) return { chains: 0, indicators: 0, links: 0 };
	const [before, after] = rounds.slice(-2);
	const gains = await realGains(tx, organizerId, [before.id, after.id]);
	const orgGain = gains.organizer.find((g) => g.perspective === null) ?? gains.organizer[0];
	const unitGain = gains.units[random.int(0, Math.min(2, gains.units.length - 1))] ?? gains.units[0];
	const actions = await demoActions(tx, demo, author);
	const goal = (g: Gain) => ({
		frameworkKey: before.frameworkKey,
		subGoalId: g.subGoalId,
		itemKey: null,
		...(g.perspective ? { perspective: g.perspective } : {})
	});
	const baseline = (g: Gain) => ({
		baselineValue: Math.round(g.before * 10) / 10,
		baselineOn: before.closesOn,
		targetValue: Math.min(4, Math.round((g.before + 0.8) * 10) / 10),
		targetOn: `${Number(today.slice(0, 4)) + 1}-06-30`
	});

	const plans = [
		orgGain && {
			unitId: null,
			title: 'Digitala verktyg med ett tydligt syfte',
			resources: 'Två studiedagar per läsår och tid för nätverken i rektorernas kalendrar.',
			effect: 'Lärarna väljer digitala verktyg utifrån vad eleverna ska lära sig',
			result: 'Alla rektorer leder ett samtal om digitala verktyg i sina arbetslag varje termin',
			indicators: [
				{
					on: 'effect',
					name: `Medelnivå i delmål ${orgGain.subGoalId}`,
					kind: 'assessment_mean',
					params: goal(orgGain),
					...baseline(orgGain)
				},
				{
					on: 'result',
					name: 'Andel arbetslag som har haft samtalet',
					kind: 'manual',
					params: {},
					baselineValue: 0.3,
					baselineOn: before.closesOn,
					targetValue: 0.9,
					targetOn: `${Number(today.slice(0, 4)) + 1}-06-30`
				},
				{
					on: 'result',
					name: 'Andel handhavandefel i supportärenden',
					kind: 'support_user_errors',
					params: {},
					baselineValue: 0.3,
					baselineOn: before.closesOn,
					targetValue: null,
					targetOn: null
				}
			]
		},
		unitGain && {
			unitId: unitGain.unitId,
			title: 'Elever som kan granska digitala källor',
			resources: 'Skolbibliotekarien en förmiddag i veckan.',
			effect: 'Eleverna granskar själva vem som står bakom det de läser på nätet',
			result: 'Varje arbetslag har en gemensam plan för källkritik',
			indicators: [
				{
					on: 'effect',
					name: `${GROUP_NAME[unitGain.perspective ?? ''] ?? 'Vår'} medelnivå i delmål ${unitGain.subGoalId}`,
					kind: 'assessment_mean',
					params: goal(unitGain),
					...baseline(unitGain)
				},
				...(unitGain.perspective
					? [
							{
								on: 'result',
								name: `Andel svar på nivå 3 eller högre, delmål ${unitGain.subGoalId}`,
								kind: 'assessment_share',
								params: { ...goal(unitGain), perspective: unitGain.perspective },
								baselineValue: null,
								baselineOn: null,
								targetValue: null,
								targetOn: null
							}
						]
					: [])
			]
		}
	].filter((p): p is NonNullable<typeof p> => !!p);

	let indicators = 0;
	let links = 0;
	for (const p of plans) {
		const [chain] = await tx
			.insert(planningEffectChains)
			.values({ organizerId, unitId: p.unitId, title: p.title, resources: p.resources, createdBy: author })
			.returning();
		const steps = await tx
			.insert(planningChainSteps)
			.values([
				{ organizerId, chainId: chain.id, kind: 'effect', text: p.effect, position: 0 },
				{ organizerId, chainId: chain.id, kind: 'result', text: p.result, position: 1 }
			])
			.returning();
		const stepOf = (on: string) => steps.find((s) => s.kind === on)!.id;
		const made = await tx
			.insert(planningIndicators)
			.values(p.indicators.map(({ on, ...i }) => ({ ...i, organizerId, stepId: stepOf(on), createdBy: author })))
			.returning();
		indicators += made.length;
		const manual = made.find((i) => i.kind === 'manual');
		if (manual)
			await tx.insert(planningIndicatorMeasurements).values(
				[0.45, 0.6].map((value, i) => ({
					organizerId,
					indicatorId: manual.id,
					value,
					measuredOn: addDays(today, i ? -14 : -75),
					source: 'Rektorernas redovisning i ledningsgruppen',
					createdBy: author
				}))
			);
		const mine = actions.filter((a) => a.unitId === p.unitId);
		const chosen = (mine.length ? mine : actions).slice(0, 2);
		if (chosen.length) {
			await tx
				.insert(planningChainStepActions)
				.values(chosen.map((a) => ({ organizerId, stepId: stepOf('result'), actionId: a.id })))
				.onConflictDoNothing();
			links += chosen.length;
		}
	}
	return { chains: plans.length, indicators, links };
}
