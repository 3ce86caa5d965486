import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import {
	planningActionEvents,
	planningActions,
	planningDecisions,
	planningForumMembers,
	planningForums,
	planningMeetingAttendance,
	planningMeetingItems,
	planningMeetings,
	planningPlans
} from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { periodOf } from '../planning/period';
import { OPEN_STATUSES } from '../planning/statuses';
import { stockholmInstant } from '../planning/forums/forum-input';
import type { DemoOrganizer } from './build-demo-organizer';
import type { Random } from './random';

export type DemoForumCounts = { forums: number; meetings: number; decisions: number; actions: number };

const DAY = 86_400_000;
const dayOffset = (today: string, days: number) => new Date(Date.parse(`${today}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The IT-råd's meetings, four weeks apart, oldest first: agenda items with minutes, and the decisions made. */
const MEETINGS = [
	{
		items: [
			['Läget för elevdatorerna', 'Åk 7–9 har fått nya datorer. Åk 4–6 väntar på leverans till februari.'],
			['Wifi i idrottshallarna', 'Täckningen räcker inte vid nationella prov. IT-avdelningen mäter upp hallarna.']
		],
		decisions: [
			{ text: 'Mät upp wifi-täckningen i alla idrottshallar', status: 'done', due: -70 },
			{ text: 'Ta fram en gemensam rutin för utlåning av reservdatorer', status: 'done', due: -60 }
		]
	},
	{
		items: [
			['Resultat från wifi-mätningen', 'Tre hallar behöver fler accesspunkter. Kostnaden ryms i årets budget.'],
			['Digitala nationella prov', 'Skolorna går igenom provdatorerna två veckor före provperioden.']
		],
		decisions: [
			{ text: 'Beställ accesspunkter till tre idrottshallar', status: 'done', due: -35 },
			{ text: 'Uppdatera instruktionen för inloggning vid digitala prov', status: 'open', due: -10 }
		]
	},
	{
		items: [
			['Fortbildning för IT-handledare', 'Nätverket för IT-handledare vill ha en gemensam halvdag om säkerhet.'],
			['Ärenden till supporten', 'Fler ärenden om skrivare än förra terminen. Leverantören bjuds in nästa gång.']
		],
		decisions: [{ text: 'Planera en halvdag om informationssäkerhet för IT-handledarna', status: 'open', due: 40, action: true }]
	},
	{
		items: [
			['Skrivarna på skolorna', 'Leverantören byter de äldsta skrivarna under lovet.'],
			['Inför nästa läsår', 'Ledningsgruppen vill ha ett förslag på prioriteringar till budgetarbetet.']
		],
		decisions: [
			{ text: 'Sammanställ förslag till prioriteringar för nästa läsår', status: 'open', due: 30 },
			{ text: 'Följ upp skrivarbytet med leverantören', status: 'open', due: 45 }
		]
	}
] as const;

/**
 * Exempelkommun's IT-råd: members from leadership, central support, principals and key people; four meetings
 * four weeks apart, every one minuted and published, with decisions done and open (one past its due date,
 * one that made an action); and the coming meeting, whose agenda already carries what is still open. Uses
 * the demo organizer's actions when the plans generator made some, otherwise makes a few of its own.
 */
export async function buildDemoForums(tx: Db, demo: DemoOrganizer, random: Random, opts: { now?: Date } = {}): Promise<DemoForumCounts> {
	const organizerId = demo.organizerId;
	const today = todayInStockholm(opts.now);
	const p = demo.people;
	const chair = p.leadership[0] ?? p.org_admin[0];
	const members = [
		...new Map(
			[
				p.leadership[0],
				p.org_admin[0],
				p.central_technical_support[0],
				p.central_pedagogical_support[0],
				p.principal[0],
				p.technical_key_person[0],
				p.pedagogical_key_person[0]
			]
				.filter((x) => !!x)
				.map((x) => [x.id, x])
		).values()
	];
	if (!chair || members.length < 2) return { forums: 0, meetings: 0, decisions: 0, actions: 0 };
	const owners = members.filter((m) => m.id !== chair.id);

	const forumId = randomUUID();
	const networkId = randomUUID();
	await tx.insert(planningForums).values([
		{
			id: forumId,
			organizerId,
			name: 'IT-råd',
			purpose: 'Skolförvaltningen och IT-avdelningen möts varje månad, följer upp besluten och prioriterar it-frågorna för hela kommunen.',
			kind: 'strategy',
			createdBy: chair.id
		},
		{
			id: networkId,
			organizerId,
			name: 'Nätverk för IT-handledare',
			purpose: 'Leveransfrågor och erfarenheter mellan skolornas IT-handledare.',
			kind: 'delivery',
			createdBy: chair.id
		}
	]);
	const network = [chair, ...p.technical_key_person.slice(0, 3), ...p.pedagogical_key_person.slice(0, 3)];
	await tx
		.insert(planningForumMembers)
		.values([
			...members.map((m) => ({ forumId, personId: m.id, organizerId })),
			...[...new Set(network.map((m) => m.id))].map((personId) => ({ forumId: networkId, personId, organizerId }))
		]);

	// Actions to follow up: the organizer's own, or a few made here in the organizer plan of this läsår.
	let actions = await tx
		.select({
			id: planningActions.id,
			title: planningActions.title,
			dueOn: planningActions.dueOn,
			responsibleId: planningActions.responsibleId,
			status: planningActions.status
		})
		.from(planningActions)
		.where(eq(planningActions.organizerId, organizerId))
		.orderBy(asc(planningActions.createdAt))
		.limit(20);
	let made = 0;
	if (actions.length === 0) {
		const period = periodOf(today);
		const where = and(eq(planningPlans.organizerId, organizerId), isNull(planningPlans.unitId), eq(planningPlans.period, period));
		const plan =
			(await tx.select({ id: planningPlans.id }).from(planningPlans).where(where))[0] ??
			(await tx.insert(planningPlans).values({ organizerId, period, createdBy: chair.id }).returning({ id: planningPlans.id }))[0];
		const rows = [
			{ title: 'Byt ut accesspunkterna i idrottshallarna', dueOn: dayOffset(today, -14), responsibleId: owners[0].id },
			{
				title: 'Halvdag om informationssäkerhet för IT-handledare',
				dueOn: dayOffset(today, 40),
				responsibleId: owners[1 % owners.length].id
			},
			{ title: 'Inventera laddskåpen på mellanstadiet', dueOn: dayOffset(today, 60), responsibleId: owners[2 % owners.length].id }
		].map((a) => ({
			...a,
			id: randomUUID(),
			organizerId,
			planId: plan.id,
			status: 'planned',
			createdBy: chair.id,
			startsOn: dayOffset(today, -90)
		}));
		await tx.insert(planningActions).values(rows);
		await tx
			.insert(planningActionEvents)
			.values(rows.map((a) => ({ organizerId, actionId: a.id, fromStatus: null, toStatus: 'planned', actorId: chair.id })));
		actions = rows.map((a) => ({ id: a.id, title: a.title, dueOn: a.dueOn, responsibleId: a.responsibleId, status: a.status }));
		made = rows.length;
	}
	const followed = actions.find((a) => a.dueOn && a.dueOn >= today) ?? actions[0];

	const meetings: (typeof planningMeetings.$inferInsert)[] = [];
	const items: (typeof planningMeetingItems.$inferInsert)[] = [];
	const attendance: (typeof planningMeetingAttendance.$inferInsert)[] = [];
	const decisions: (typeof planningDecisions.$inferInsert & { id: string })[] = [];
	const place = 'Stadshuset, rum Kanalen';
	MEETINGS.forEach((plan, n) => {
		const id = randomUUID();
		const day = dayOffset(today, -28 * (MEETINGS.length - n));
		const startsAt = stockholmInstant(day, '15:00');
		meetings.push({
			id,
			organizerId,
			forumId,
			startsAt,
			place,
			guests: n === 3 ? 'Kontaktperson hos skrivarleverantören' : '',
			publishedAt: new Date(startsAt.getTime() + 2 * DAY),
			publishedBy: chair.id,
			createdBy: chair.id
		});
		const carried = decisions.filter((d) => d.meetingId === meetings[n - 1]?.id && (d.status === 'open' || n === 1));
		const agenda = [
			...carried.map((d) => ({
				kind: 'decision',
				title: d.text,
				minutes: d.status === 'open' ? 'Pågår, tas upp igen nästa möte.' : 'Klart.',
				decisionId: d.id
			})),
			...plan.items.map(([title, minutes]) => ({ kind: 'item', title, minutes, decisionId: null }))
		];
		agenda.forEach((it, position) => items.push({ ...it, organizerId, meetingId: id, position }));
		const away = random.pick(members.filter((m) => m.id !== chair.id)).id;
		for (const m of members) attendance.push({ meetingId: id, personId: m.id, organizerId, present: m.id !== away });
		for (const d of plan.decisions)
			decisions.push({
				id: randomUUID(),
				organizerId,
				forumId,
				meetingId: id,
				text: d.text,
				ownerId: random.pick(owners).id,
				dueOn: dayOffset(today, d.due),
				status: d.status,
				actionId: 'action' in d && d.action ? followed.id : null,
				createdBy: chair.id,
				createdAt: new Date(startsAt.getTime() + 3600_000)
			});
	});
	// The coming meeting: its agenda carries the open decisions and the members' overdue actions, as createMeeting does.
	const nextId = randomUUID();
	meetings.push({
		id: nextId,
		organizerId,
		forumId,
		startsAt: stockholmInstant(dayOffset(today, 14), '15:00'),
		place,
		createdBy: chair.id
	});
	const memberIds = new Set(members.map((m) => m.id));
	const open = decisions.filter((d) => d.status === 'open');
	const overdue = actions.filter(
		(a) => a.dueOn && a.dueOn < today && (OPEN_STATUSES as readonly string[]).includes(a.status) && memberIds.has(a.responsibleId)
	);
	[
		...open.map((d) => ({ kind: 'decision', title: d.text, decisionId: d.id, actionId: null })),
		...overdue.map((a) => ({ kind: 'overdue', title: a.title, decisionId: null, actionId: a.id })),
		{ kind: 'item', title: 'Övriga frågor', decisionId: null, actionId: null }
	].forEach((it, position) => items.push({ ...it, organizerId, meetingId: nextId, position }));

	await tx.insert(planningMeetings).values(meetings);
	await tx.insert(planningDecisions).values(decisions);
	await tx.insert(planningMeetingItems).values(items);
	await tx.insert(planningMeetingAttendance).values(attendance);
	return { forums: 2, meetings: meetings.length, decisions: decisions.length, actions: made };
}
