import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import {
	planningActionEvents,
	planningActions,
	planningConceptVersions,
	planningConcepts,
	planningFinancingRows,
	planningFrameworkTexts,
	planningGoalSubGoals,
	planningGoals,
	planningPlans,
	planningVisions
} from '../db/schema';
import { periodOf } from '../planning/period';
import type { DemoOrganizer } from './build-demo-organizer';
import type { Random } from './random';

const FW = 'nationella-strategin';

const GOALS = [
	{
		title: 'Alla elever utvecklar likvärdig digital kompetens',
		description: 'Oavsett skola ska varje elev få undervisning där digitala verktyg används med omdöme och syfte.',
		subGoals: ['1.1', '1.3']
	},
	{
		title: 'Support som fungerar när lektionen börjar',
		description: 'Teknisk och pedagogisk support ska vara lätt att nå och lösa det mesta samma dag.',
		subGoals: ['2.1', '2.2']
	},
	{
		title: 'Rektorer leder digitaliseringen på sin skola',
		description: 'Varje rektor har en plan och följer upp den med sin personal varje termin.',
		subGoals: ['1.2', '3.2']
	}
];

const CONCEPTS: { name: string; meanings: string[] }[] = [
	{
		name: 'Digital kompetens',
		meanings: [
			'Att kunna hantera datorer och program i skolarbetet.',
			'Att förstå hur digitaliseringen påverkar samhället, kunna använda och välja digitala verktyg, lösa problem och förhålla sig kritiskt och ansvarsfullt till digitala medier.'
		]
	},
	{
		name: 'Likvärdig digitalisering',
		meanings: [
			'Alla barn och elever får samma tillgång till verktyg, lika bra undervisning med dem och det stöd de behöver för att lyckas, oavsett skola.'
		]
	},
	{
		name: 'Pedagogisk support',
		meanings: ['Stöd till lärare i att använda digitala resurser så att elevernas lärande och likvärdighet främjas.']
	}
];

const FINANCING: Record<string, [string, string]> = {
	devices: ['administration', 'Elevdatorer köps centralt på fyraårsleasing.'],
	pedagogical_support: ['administration', 'IKT-pedagogerna i den centrala enheten.'],
	technical_support: ['it', 'Enligt avtalet med kommunens IT-avdelning.'],
	licences: ['administration', ''],
	repairs: ['unit', 'Skador utöver garantin betalar skolan.'],
	learning_resources: ['unit', 'Skolan väljer lärresurser ur den gemensamma katalogen.']
};

/**
 * Exempelkommun's vision: three strategic goals tied to sub-goals of the national strategy, a common
 * framework with three concepts (one redefined), texts and a financing matrix. Some of the demo's actions
 * serve the goals; when there are none (the plans generator did not run), three organizer actions are made.
 */
export async function buildDemoVision(tx: Db, demo: DemoOrganizer, random: Random) {
	const organizerId = demo.organizerId;
	const author = demo.people.leadership[0]?.id ?? demo.people.org_admin[0]?.id ?? null;
	await tx.insert(planningVisions).values({
		organizerId,
		text: 'I Exempelkommun använder alla barn och elever digitala verktyg för att lära mer, skapa och förstå sin omvärld. Lärare och rektorer får det stöd de behöver, och ingen skola ska ligga efter en annan.',
		updatedBy: author
	});
	const goals = await tx
		.insert(planningGoals)
		.values(GOALS.map((g, i) => ({ organizerId, title: g.title, description: g.description, position: i + 1, createdBy: author })))
		.returning({ id: planningGoals.id });
	await tx
		.insert(planningGoalSubGoals)
		.values(GOALS.flatMap((g, i) => g.subGoals.map((subGoalId) => ({ goalId: goals[i].id, organizerId, frameworkKey: FW, subGoalId }))));

	const concepts = await tx
		.insert(planningConcepts)
		.values(CONCEPTS.map((c) => ({ organizerId, name: c.name })))
		.returning({ id: planningConcepts.id });
	const day = 24 * 60 * 60 * 1000;
	await tx.insert(planningConceptVersions).values(
		CONCEPTS.flatMap((c, i) =>
			c.meanings.map((meaning, v) => ({
				conceptId: concepts[i].id,
				organizerId,
				meaning,
				authorId: author,
				createdAt: new Date(Date.now() - (c.meanings.length - v) * 120 * day)
			}))
		)
	);
	await tx.insert(planningFrameworkTexts).values(
		[
			[
				'roles',
				'Huvudmannen sätter ramarna och finansierar det gemensamma. Rektor leder arbetet på sin skola och utser nyckelpersoner. Nyckelpersonerna är första linjen för kollegorna.'
			],
			['role.principal', 'Leder det digitala utvecklingsarbetet på skolan och följer upp skolans handlingsplan.'],
			[
				'role.pedagogical_key_person',
				'Stöttar kollegor i undervisningen med digitala verktyg och samlar behov till den centrala supporten.'
			],
			['equal_access', 'Varje elev från årskurs 4 har en egen dator; yngre elever delar surfplattor, högst två elever per platta.'],
			['equal_support', 'Alla skolor når teknisk support samma dag och har minst fyra timmar pedagogisk support i månaden.'],
			[
				'forums',
				'Digitaliseringsrådet möts varje månad med rektorer, IT och central support. Nätverket för nyckelpersoner träffas två gånger per termin.'
			]
		].map(([key, text]) => ({ organizerId, key, text, updatedBy: author }))
	);
	await tx
		.insert(planningFinancingRows)
		.values([
			...Object.entries(FINANCING).map(([rowKey, [payer, note]], i) => ({ organizerId, rowKey, payer, note, position: i })),
			{ organizerId, rowKey: null, label: 'Fortbildning', payer: 'other', note: 'Statsbidrag för kompetensutveckling.', position: 7 }
		]);

	let actions = await tx
		.select({ id: planningActions.id })
		.from(planningActions)
		.where(eq(planningActions.organizerId, organizerId))
		.orderBy(asc(planningActions.createdAt), asc(planningActions.id));
	if (!actions.length && author) actions = await ownActions(tx, organizerId, author);
	const tied = actions.filter(() => random.chance(0.6));
	for (const [i, a] of tied.entries())
		await tx
			.update(planningActions)
			.set({ goalId: goals[i % goals.length].id })
			.where(eq(planningActions.id, a.id));
	return { goals: goals.length, concepts: concepts.length, actionsServingGoals: tied.length };
}

/** Three organizer actions, on the organizer plan of the current läsår (made if missing). */
async function ownActions(tx: Db, organizerId: string, responsibleId: string) {
	const period = periodOf();
	let [plan] = await tx
		.select({ id: planningPlans.id })
		.from(planningPlans)
		.where(and(eq(planningPlans.organizerId, organizerId), eq(planningPlans.period, period), isNull(planningPlans.unitId)));
	if (!plan)
		[plan] = await tx.insert(planningPlans).values({ organizerId, period, createdBy: responsibleId }).returning({ id: planningPlans.id });
	const rows = await tx
		.insert(planningActions)
		.values(
			[
				'Gemensam fortbildning i digital kompetens för alla lärare',
				'Samma-dag-support på alla skolor',
				'Rektorernas digitaliseringsplaner följs upp varje termin'
			].map((title) => ({ organizerId, planId: plan.id, title, responsibleId, createdBy: responsibleId }))
		)
		.returning({ id: planningActions.id });
	await tx
		.insert(planningActionEvents)
		.values(rows.map((r) => ({ organizerId, actionId: r.id, toStatus: 'planned', actorId: responsibleId })));
	return rows;
}
