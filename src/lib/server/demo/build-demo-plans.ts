import { randomUUID } from 'node:crypto';
import type { Db } from '../db';
import { planningActionEvents, planningActionLinks, planningActionParticipants, planningActions, planningPlans } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { periodBounds, periodOf } from '../planning/period';
import type { ActionStatus } from '../planning/statuses';
import type { DemoOrganizer, DemoPersonRef } from './build-demo-organizer';
import { addDays } from './plan-demo-answers';
import type { Random } from './random';

const FRAMEWORK_KEY = 'nationella-strategin';

/** An action the demo may plan: its sub-goal, what and how. Our own words. */
type Template = { subGoalId: string; title: string; how: string; effect: string };

const ORGANIZER_ACTIONS: Template[] = [
	{
		subGoalId: '0',
		title: 'Revidera den lokala digitaliseringsplanen',
		how: 'Arbetsgrupp med rektorer och IT-avdelningen, tre träffar under hösten.',
		effect: 'Alla enheter känner igen sina egna mål i planen.'
	},
	{
		subGoalId: '1.2',
		title: 'Ledarskapsdagar om digital skolutveckling för rektorer',
		how: 'Två halvdagar med fall från egna enheter.',
		effect: 'Rektorer leder digitaliseringsarbetet på sina enheter med egna planer.'
	},
	{
		subGoalId: '1.3',
		title: 'Fortbildning i ändamålsenliga verktyg för lärare',
		how: 'Korta moduler på studiedagar, följs upp i nästa självskattning.',
		effect: 'Fler lärare väljer verktyg utifrån syftet med lektionen.'
	},
	{
		subGoalId: '2.1',
		title: 'Inventera elevernas enheter inför nästa läsår',
		how: 'IT-avdelningen sammanställer ålder och skick per skola.',
		effect: 'Ingen elev saknar fungerande enhet vid terminsstart.'
	},
	{
		subGoalId: '2.2',
		title: 'Förstärk wifi på de skolor som har flest supportärenden om nätet',
		how: 'Mätning, upphandling och installation under loven.',
		effect: 'Färre förlorade lektioner på grund av nätet.'
	},
	{
		subGoalId: '2.3',
		title: 'Gemensam genomgång av digitala lärresurser',
		how: 'Ämnesnätverk bedömer resurserna med en gemensam mall.',
		effect: 'Skolorna använder lärresurser som de själva har bedömt som ändamålsenliga.'
	},
	{
		subGoalId: '2.4',
		title: 'Minska dubbelarbete i frånvarorapporteringen',
		how: 'Kartlägg flödet med skoladministratörer och lärare.',
		effect: 'Lärare lägger mindre tid på administration.'
	},
	{
		subGoalId: '3.2',
		title: 'Rapport till nämnden om digitaliseringsarbetet',
		how: 'Sammanställning av självskattning, planer och support inför vårens nämndmöte.',
		effect: 'Nämnden fattar beslut på ett aktuellt underlag.'
	}
];

const UNIT_ACTIONS: Template[] = [
	{
		subGoalId: '1.1',
		title: 'Progressionsplan för digital kompetens i alla årskurser',
		how: 'Arbetslagen fördelar innehållet mellan årskurserna.',
		effect: 'Eleverna möter digital kompetens i en tydlig ordning.'
	},
	{
		subGoalId: '1.1',
		title: 'Källkritik som återkommande inslag i undervisningen',
		how: 'Ett gemensamt upplägg per stadium, prövas under en termin.',
		effect: 'Eleverna granskar källor på egen hand.'
	},
	{
		subGoalId: '1.3',
		title: 'Kollegialt lärande om digitala verktyg',
		how: 'En kort punkt på varje arbetslagsträff där någon visar ett arbetssätt.',
		effect: 'Lärarna delar fungerande arbetssätt med varandra.'
	},
	{
		subGoalId: '2.1',
		title: 'Lånepool för elever som väntar på reparation',
		how: 'Fem reservenheter hos den tekniska nyckelpersonen.',
		effect: 'Ingen elev står utan enhet medan den egna lagas.'
	},
	{
		subGoalId: '2.2',
		title: 'Tydliggör vart lärare vänder sig med pedagogiska frågor',
		how: 'Affisch i personalrummet och en genomgång på APT.',
		effect: 'Fler frågor når den pedagogiska nyckelpersonen i stället för IT.'
	},
	{
		subGoalId: '2.3',
		title: 'Utvärdera skolans lärplattform tillsammans med eleverna',
		how: 'Elevrådet och två arbetslag svarar på några frågor.',
		effect: 'Beslut om lärplattformen bygger på elevernas erfarenheter.'
	},
	{
		subGoalId: '2.4',
		title: 'Gemensam mall för veckobrev till vårdnadshavare',
		how: 'Administratören tar fram mallen, arbetslagen använder den.',
		effect: 'Mindre tid på veckobrev.'
	},
	{
		subGoalId: '1.2',
		title: 'Digitalisering som stående punkt i ledningsgruppen',
		how: 'En gång i månaden, med stöd av självskattningens resultat.',
		effect: 'Ledningsgruppen följer upp skolans digitaliseringsarbete löpande.'
	}
];

export type DemoPlanCounts = { plans: number; actions: number; overdue: number };

/** A status for an action due on `dueOn`: mostly done before today, mostly planned after it, some overdue. */
function statusFor(random: Random, dueOn: string, today: string): ActionStatus {
	const r = random.next();
	if (dueOn < today) return r < 0.6 ? 'done' : r < 0.7 ? 'dropped' : r < 0.9 ? 'in_progress' : 'on_hold';
	return r < 0.45 ? 'planned' : r < 0.85 ? 'in_progress' : r < 0.93 ? 'on_hold' : 'done';
}

/**
 * The demo's action plans for the current läsår: the organizer's plan with eight actions and a plan for
 * every school unit but the last one (a unit without a plan shows what the overview says then), with three
 * to five actions each. Dates spread over the läsår around today, so some actions are done, some under way
 * and some overdue. Responsible people are the organizer's leadership and central support, or the unit's
 * principal and key people.
 */
export async function buildDemoPlans(tx: Db, demo: DemoOrganizer, random: Random, today = todayInStockholm()): Promise<DemoPlanCounts> {
	const organizerId = demo.organizerId;
	const period = periodOf(today);
	const { from, to } = periodBounds(period);
	const leader = demo.people.leadership[0]?.id ?? null;
	const schools = demo.unitPlans.filter((u) => u.schoolUnitCode);
	const planned = [
		{ unitKey: null as string | null, templates: ORGANIZER_ACTIONS },
		...schools.slice(0, -1).map((u) => ({ unitKey: u.key, templates: random.shuffle([...UNIT_ACTIONS]).slice(0, random.int(3, 5)) }))
	];
	const at = (unitKey: string | null) => (p: DemoPersonRef) => p.unitKey === unitKey;
	const organizerPeople = [...demo.people.leadership, ...demo.people.central_pedagogical_support, ...demo.people.central_technical_support];

	const plans: (typeof planningPlans.$inferInsert)[] = [];
	const actions: (typeof planningActions.$inferInsert)[] = [];
	const participants: (typeof planningActionParticipants.$inferInsert)[] = [];
	const links: (typeof planningActionLinks.$inferInsert)[] = [];
	const events: (typeof planningActionEvents.$inferInsert)[] = [];
	let overdue = 0;
	for (const p of planned) {
		const planId = randomUUID();
		plans.push({
			id: planId,
			organizerId,
			unitId: p.unitKey ? demo.units[p.unitKey] : null,
			period,
			createdBy: leader,
			createdAt: new Date(`${from}T08:00:00Z`)
		});
		const owners = p.unitKey
			? [...demo.people.principal, ...demo.people.pedagogical_key_person, ...demo.people.technical_key_person].filter(at(p.unitKey))
			: organizerPeople;
		if (owners.length === 0) continue;
		for (const t of p.templates) {
			const id = randomUUID();
			const startsOn = addDays(from, random.int(10, 120));
			const drawn = addDays(startsOn, random.int(30, 200));
			const dueOn = drawn > to ? to : drawn;
			const status = statusFor(random, dueOn, today);
			if (dueOn < today && ['planned', 'in_progress', 'on_hold'].includes(status)) overdue++;
			const responsible = random.pick(owners);
			const createdAt = new Date(`${addDays(startsOn, -7)}T09:00:00Z`);
			actions.push({
				id,
				organizerId,
				planId,
				title: t.title,
				how: t.how,
				effect: t.effect,
				followUp: 'Stäms av på ledningsgruppens möte varje månad.',
				startsOn,
				dueOn,
				responsibleId: responsible.id,
				hours: random.int(2, 12) * 5,
				moneySek: random.next() < 0.4 ? random.int(1, 20) * 5000 : null,
				status,
				createdBy: leader,
				createdAt,
				updatedAt: createdAt
			});
			links.push({ actionId: id, organizerId, frameworkKey: FRAMEWORK_KEY, subGoalId: t.subGoalId, itemKey: null });
			const partner = owners.find((o) => o.id !== responsible.id);
			if (partner) participants.push({ actionId: id, personId: partner.id, organizerId });
			events.push({ organizerId, actionId: id, fromStatus: null, toStatus: 'planned', actorId: leader, createdAt });
			if (status !== 'planned') {
				const changedOn = addDays(startsOn, random.int(1, 20));
				events.push({
					organizerId,
					actionId: id,
					fromStatus: 'planned',
					toStatus: status,
					actorId: responsible.id,
					note: status === 'on_hold' ? 'Pausad i väntan på budgetbeslut.' : '',
					createdAt: new Date(`${changedOn < today ? changedOn : today}T10:00:00Z`)
				});
			}
		}
	}
	await tx.insert(planningPlans).values(plans);
	await tx.insert(planningActions).values(actions);
	if (participants.length) await tx.insert(planningActionParticipants).values(participants);
	await tx.insert(planningActionLinks).values(links);
	await tx.insert(planningActionEvents).values(events);
	return { plans: plans.length, actions: actions.length, overdue };
}
