import { randomUUID } from 'node:crypto';
import type { Db } from '../db';
import { supportCounters, ticketEvents, tickets, ticketSlaBreaches, ticketTeams } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import type { Chain } from '../support/constants';
import { parseDay } from '../support/sla/days';
import type { WorkingCalendar } from '../support/sla';
import type { TicketSlaTargets } from '../support/tickets/sla-targets';
import type { DemoOrganizer } from './build-demo-organizer';
import type { Random } from './random';
import { caseSla } from './support/case-sla';
import { DEMO_SLA, DEMO_SUPPORT_SETTINGS, insertDemoSupportSetup } from './support/demo-support-setup';
import { foldEvents } from './support/fold-events';
import { insertJsonRows } from './support/insert-json-rows';
import { filingDays, planCases } from './support/plan-cases';
import { planTimeline } from './support/plan-timeline';
import { demoCalendarDays, isoWeekMonday, schoolYearOf } from './support/school-calendar';

/** About how many cases two school years of Exempelkommun's support produce. */
export const DEMO_CASE_COUNT = 5000;

export type DemoSupportCounts = {
	teams: number;
	categories: number;
	calendarDays: number;
	tickets: number;
	events: number;
	open: number;
	breaches: number;
};

/** Columns a case may leave empty: listed so every row has the same keys (see insertJsonRows). */
const UNSET = {
	teamId: null,
	assigneeId: null,
	cause: null,
	selfHelpSuggested: false,
	rating: null,
	ratingComment: null,
	firstResponseAt: null,
	waitingSince: null,
	solvedAt: null,
	solvedById: null,
	closedAt: null
};

const KEY_ROLE = { technical: 'technical_key_person', pedagogical: 'pedagogical_key_person' } as const;
const CENTRAL_ROLE = { technical: 'central_technical_support', pedagogical: 'central_pedagogical_support' } as const;

/**
 * The support chain of the demo: central and supplier teams, categories, SLA targets, settings,
 * lov and closed days, and about five thousand cases from the August two school years back until now,
 * each with a timeline consistent with its columns. Cases are numbered from 1 in filing order; case 1
 * and a handful more belong to the demo teacher. Everything is written with bulk inserts.
 */
export async function buildDemoSupport(
	tx: Db,
	demo: DemoOrganizer,
	random: Random,
	opts: { now?: Date; count?: number } = {}
): Promise<DemoSupportCounts> {
	const now = opts.now ?? new Date();
	const organizerId = demo.organizerId;
	const year = schoolYearOf(parseDay(todayInStockholm(now)));
	const calendarDays = demoCalendarDays([year - 2, year - 1, year]);
	const setup = await insertDemoSupportSetup(tx, demo, calendarDays);
	const settings = DEMO_SUPPORT_SETTINGS;
	const cal: WorkingCalendar = {
		timeZone: 'Europe/Stockholm',
		workdayStart: settings.workdayStart,
		workdayEnd: settings.workdayEnd,
		closedDays: calendarDays.filter((d) => d.kind === 'closed').map((d) => d.day),
		lovDays: calendarDays.filter((d) => d.kind === 'lov').map((d) => d.day),
		countLov: settings.countLov
	};
	const days = filingDays(cal, isoWeekMonday(year - 2, 33), now, new Set(cal.lovDays));
	const teacherEmail = demo.signIns.find((s) => s.label.startsWith('staff ('))?.email;
	const teacher = demo.people.staff.find((p) => p.email === teacherEmail) ?? null;
	const plans = planCases(random, { demo, setup, cal, days, teacher }, opts.count ?? DEMO_CASE_COUNT);

	const line1 = (chain: Chain, unitKey: string) => {
		const keyPeople = demo.people[KEY_ROLE[chain]].filter((p) => p.unitKey === unitKey);
		return (keyPeople.length ? keyPeople : demo.people[CENTRAL_ROLE[chain]]).map((p) => p.id);
	};
	const names = new Map(
		Object.values(demo.people)
			.flat()
			.map((p) => [p.id, p.name])
	);
	const ticketRows: (typeof tickets.$inferInsert)[] = [];
	const eventRows: (typeof ticketEvents.$inferInsert)[] = [];
	const teamRows: (typeof ticketTeams.$inferInsert)[] = [];
	const breachRows: (typeof ticketSlaBreaches.$inferInsert)[] = [];
	let open = 0;
	plans.forEach((plan, i) => {
		const id = randomUUID();
		const events = planTimeline(random, { cal, settings, setup, now, line1, names }, plan);
		const { heldBy, ...folded } = foldEvents(events);
		const chain = (folded.chain ?? plan.chain) as Chain;
		const t = DEMO_SLA[chain][plan.urgency];
		const slaTargets: TicketSlaTargets = {
			firstResponse: t.firstResponse,
			feedback: t.feedback,
			resolution: t.resolution,
			perLine: { 1: t.line1, 2: t.line2, ...(t.line3 != null && { 3: t.line3 }) }
		};
		const isOpen = folded.state !== 'solved' && folded.state !== 'closed';
		if (isOpen) open++;
		const sla = caseSla(cal, events, slaTargets, now, isOpen);
		ticketRows.push({
			id,
			organizerId,
			number: i + 1,
			chain: plan.chain,
			categoryId: plan.category.id,
			unitId: demo.units[plan.unitKey],
			requesterId: plan.requesterId,
			filedById: plan.filedById,
			title: plan.title,
			description: plan.description,
			urgency: plan.urgency,
			minutesLost: plan.minutesLost,
			lostTimeUnit: plan.lostTimeUnit,
			studentsAffected: plan.studentsAffected,
			deviceType: plan.deviceType,
			slaTargets,
			slaStatus: sla.slaStatus,
			slaDueAt: sla.slaDueAt,
			slaOverdueSince: sla.slaOverdueSince,
			createdAt: plan.filedAt,
			...UNSET,
			...folded
		});
		for (const e of events) {
			eventRows.push({
				ticketId: id,
				organizerId,
				actorId: e.actorId,
				by: e.by,
				kind: e.kind,
				public: e.public,
				body: e.body,
				stateTo: e.stateTo ?? null,
				lineTo: e.lineTo ?? null,
				data: e.data,
				createdAt: e.at
			});
		}
		for (const [teamId, at] of heldBy) teamRows.push({ ticketId: id, teamId, createdAt: at });
		for (const b of sla.breaches) breachRows.push({ ticketId: id, organizerId, ...b });
	});

	await insertJsonRows(tx, tickets, ticketRows);
	await insertJsonRows(tx, ticketEvents, eventRows);
	await insertJsonRows(tx, ticketTeams, teamRows);
	await insertJsonRows(tx, ticketSlaBreaches, breachRows);
	await tx.insert(supportCounters).values({ organizerId, lastNumber: ticketRows.length });
	return {
		teams: Object.keys(setup.teams).length,
		categories: setup.categories.length,
		calendarDays: calendarDays.length,
		tickets: ticketRows.length,
		events: eventRows.length,
		open,
		breaches: breachRows.length
	};
}
