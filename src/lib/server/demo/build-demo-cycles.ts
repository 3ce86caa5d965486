import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import {
	planningActionEvents,
	planningActions,
	planningCycleAnswers,
	planningCycleEntries,
	planningCycleMembers,
	planningCycles,
	planningPlans
} from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { periodOf } from '../planning/period';
import type { DemoOrganizer } from './build-demo-organizer';
import type { Random } from './random';

const UNIT_KEY = 'solbacka';

const NOTES: Record<string, string> = {
	'1.vision': 'Vi pratar om digitala verktyg men har ingen gemensam bild av vad de ska ge eleverna.',
	'1.roles': 'Oklart vem som beslutar om nya appar: rektor tror förvaltningen, förvaltningen tror rektor.',
	'1.key-people': 'Två nyckelpersoner med tid i tjänsten, men uppdragen är inte nedskrivna.',
	'1.1.near': 'Kollegor hjälper varandra i korridoren; ingen tid är avsatt.',
	'1.1.experience': 'Personalenkäten i våras: hälften vet inte vart de ska vända sig.',
	'1.2.lines': 'Första linjen fungerar, andra linjen har långa ledtider för skärmar i klassrummen.',
	'1.2.losses': 'Ett trettiotal trasiga skärmar förra läsåret, de flesta i årskurs 4–6.'
};

/** The demo's actions from the cycle, when the unit's plan has none yet. */
const OWN_ACTIONS = [
	{
		area: 'cohesive',
		title: 'Skriv ner nyckelpersonernas uppdrag',
		how: 'Rektor och nyckelpersoner tar fram en sida var.',
		followUp: 'Tas upp på ledningsgruppen i december.',
		effect: 'Alla vet vem som gör vad.'
	},
	{
		area: 'pedagogical',
		title: 'Korta filmer om lärplattformen',
		how: 'Tio filmer på högst tre minuter.',
		followUp: 'Antal visningar och personalenkät.',
		effect: 'Färre frågor om grunderna.'
	},
	{
		area: 'technical',
		title: 'Skärmskydd till årskurs 4–6',
		how: 'Köp in skal och gå igenom hanteringen i klasserna.',
		followUp: 'Antal skadeärenden per termin.',
		effect: 'Hälften så många trasiga skärmar.'
	}
] as const;

/**
 * One completed Undersök → Analysera → Agera cycle at Solbackaskolan: a working group from several roles,
 * notes on some questions, an analysis, and Agera rows that became actions of the unit's plan (the plan's
 * own actions when it has some, otherwise three made here). Bulk inserts; call inside loadDemo's transaction.
 */
export async function buildDemoCycles(tx: Db, demo: DemoOrganizer, random: Random) {
	const organizerId = demo.organizerId;
	const unitId = demo.units[UNIT_KEY];
	if (!unitId) return { cycles: 0 };
	const at = (role: keyof DemoOrganizer['people']) => demo.people[role].filter((p) => p.unitKey === UNIT_KEY || p.unitKey === null);
	const principal = at('principal')[0] ?? demo.people.org_admin[0];
	const group = [
		principal,
		at('pedagogical_key_person')[0],
		at('technical_key_person')[0],
		demo.people.leadership[0],
		...random.shuffle(at('staff')).slice(0, 2)
	].filter(Boolean);
	const memberIds = [...new Set(group.map((p) => p.id))];
	const today = todayInStockholm();
	const openedOn = new Date(Date.parse(`${today}T12:00:00Z`) - random.int(40, 70) * 86_400_000).toISOString().slice(0, 10);

	const period = periodOf(today);
	const [found] = await tx
		.select({ id: planningPlans.id })
		.from(planningPlans)
		.where(and(eq(planningPlans.unitId, unitId), eq(planningPlans.period, period)));
	const planId =
		found?.id ??
		(await tx.insert(planningPlans).values({ organizerId, unitId, period, createdBy: principal.id }).returning({ id: planningPlans.id }))[0]
			.id;
	let actions = await tx.select().from(planningActions).where(eq(planningActions.planId, planId)).limit(3);
	if (!actions.length) {
		actions = await tx
			.insert(planningActions)
			.values(
				OWN_ACTIONS.map((a, i) => ({
					organizerId,
					planId,
					title: a.title,
					how: a.how,
					followUp: a.followUp,
					effect: a.effect,
					responsibleId: group[i % group.length].id,
					dueOn: `${Number(period.slice(0, 4)) + 1}-0${3 + i}-15`,
					status: i === 0 ? 'in_progress' : 'planned',
					createdBy: principal.id
				}))
			)
			.returning();
		await tx
			.insert(planningActionEvents)
			.values(actions.map((a) => ({ organizerId, actionId: a.id, fromStatus: null, toStatus: 'planned', actorId: principal.id })));
	}

	const [cycle] = await tx
		.insert(planningCycles)
		.values({
			organizerId,
			unitId,
			name: 'Supporten på Solbackaskolan',
			openedOn,
			strengths: 'Engagerade nyckelpersoner.\nFörsta linjen löser det mesta samma dag.',
			needs: 'Tydliga uppdrag för nyckelpersonerna.\nStöd i lärplattformen som går att hitta själv.\nFärre trasiga skärmar.',
			consequences:
				'Elever i klasser med trasiga skärmar eller osäkra lärare får mindre tid att öva digitalt, och skillnaden mellan klasserna växer.',
			createdBy: principal.id
		})
		.returning({ id: planningCycles.id });
	await tx.insert(planningCycleMembers).values(memberIds.map((personId) => ({ cycleId: cycle.id, personId, organizerId })));
	await tx
		.insert(planningCycleAnswers)
		.values(
			Object.entries(NOTES).map(([questionKey, note]) => ({ cycleId: cycle.id, organizerId, questionKey, note, updatedBy: principal.id }))
		);
	await tx.insert(planningCycleEntries).values(
		actions.map((a, i) => ({
			cycleId: cycle.id,
			organizerId,
			area: OWN_ACTIONS[i % OWN_ACTIONS.length].area,
			position: 0,
			what: a.title,
			how: a.how,
			dueOn: a.dueOn,
			responsibleId: a.responsibleId,
			followUp: a.followUp,
			effect: a.effect,
			actionId: a.id
		}))
	);
	return { cycles: 1, actions: actions.length };
}
