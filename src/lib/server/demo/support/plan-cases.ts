/**
 * Draws the demo's cases as plain data: when each was filed (weighted by the school year's load),
 * at which unit, by whom, in which chain and category, how urgent, and the lost teaching time.
 * Pure apart from the random source; the timeline of each case is drawn later (plan-timeline.ts).
 */
import type { Chain, Urgency } from '../../support/constants';
import { compileCalendar, isWorkingDayNumber, type WorkingCalendar } from '../../support/sla/working-calendar';
import { fromLocal, toLocal } from '../../support/sla/zoned-time';
import type { DemoOrganizer, DemoPersonRef } from '../build-demo-organizer';
import type { Random } from '../random';
import { CASE_TEXTS } from './demo-case-texts';
import type { CategoryKey, DemoSupportSetup } from './demo-support-setup';
import { dayLoad, type Season } from './school-calendar';
import { lostMinutes, type LostTimeUnit } from '../../../support/lost-time';

export type RequesterKind = 'staff' | 'principal' | 'student' | 'guardian';
type Category = DemoSupportSetup['categories'][number];

export type CasePlan = {
	filedAt: Date;
	unitKey: string;
	chain: Chain;
	category: Category;
	requesterId: string;
	filedById: string;
	requesterKind: RequesterKind;
	urgency: Urgency;
	title: string;
	description: string;
	deviceType: string | null;
	/** Lost teaching time in minutes, and the unit the teacher typed it in. */
	minutesLost: number;
	lostTimeUnit: LostTimeUnit;
	studentsAffected: number;
	/** Left open on purpose (an old case that got stuck), so the queues have something breaching. */
	stuck: boolean;
};

const BASE_WEIGHT: Record<CategoryKey, number> = {
	account: 20,
	student_device: 16,
	staff_device: 12,
	network: 9,
	display: 12,
	printer: 8,
	platform: 9,
	tests: 3,
	software: 11,
	tools: 25,
	curriculum: 10,
	resources: 12,
	platform_teaching: 14,
	safety: 10,
	accessibility: 10,
	ai: 12
};
const SEASON_BOOST: Partial<Record<Season, Partial<Record<CategoryKey, number>>>> = {
	start: { account: 2.2, student_device: 1.6, platform: 1.3, curriculum: 1.5, resources: 1.5 },
	tests: { tests: 6, accessibility: 1.5 }
};
const STUDENT_CATEGORIES: CategoryKey[] = ['account', 'student_device', 'platform', 'tests', 'software'];
const GUARDIAN_CATEGORIES: CategoryKey[] = ['account', 'platform'];
/** Technical categories where a failure stops a lesson. */
const CLASSROOM: CategoryKey[] = ['student_device', 'network', 'display', 'platform', 'tests', 'software'];
const URGENCY: Record<Chain, [Urgency, number][]> = {
	technical: [
		['low', 0.15],
		['normal', 0.6],
		['high', 0.2],
		['critical', 0.05]
	],
	pedagogical: [
		['low', 0.3],
		['normal', 0.6],
		['high', 0.09],
		['critical', 0.01]
	]
};

/** Picks from weighted options. */
export function weighted<T>(random: Random, options: readonly [T, number][]): T {
	const total = options.reduce((s, [, w]) => s + w, 0);
	let r = random.next() * total;
	for (const [value, w] of options) if ((r -= w) < 0) return value;
	return options[options.length - 1][0];
}

type FilingDay = { day: number; weight: number; season: Season; lastMinute: number };

/** Working days from `from` (day number) to now, with their load; today only up to the current minute. */
export function filingDays(cal: WorkingCalendar, from: number, now: Date, lov: ReadonlySet<string>): FilingDay[] {
	const c = compileCalendar(cal);
	const here = toLocal(cal.timeZone, now.getTime());
	const out: FilingDay[] = [];
	for (let day = from; day <= here.day; day++) {
		if (!isWorkingDayNumber(c, day)) continue;
		const lastMinute = day === here.day ? Math.min(c.endMinute, Math.floor(here.msOfDay / 60_000)) - 1 : c.endMinute - 5;
		if (lastMinute <= c.startMinute) continue;
		out.push({ day, ...dayLoad(day, lov), lastMinute });
	}
	return out;
}

export type PlanContext = {
	demo: DemoOrganizer;
	setup: DemoSupportSetup;
	cal: WorkingCalendar;
	days: FilingDay[];
	/** The demo teacher sign-in: kept out of the random pool and given a handful of cases. */
	teacher: DemoPersonRef | null;
};

/** Draws `count` cases sorted by filing time; the first and a few more are the demo teacher's. */
export function planCases(random: Random, ctx: PlanContext, count: number): CasePlan[] {
	const { demo, setup, days, teacher } = ctx;
	const startMinute = compileCalendar(ctx.cal).startMinute;
	const byUnit = (list: DemoPersonRef[], key: string) => list.filter((p) => p.unitKey === key);
	const units = demo.unitPlans
		.filter((u) => u.staff > 0)
		.map((u) => ({
			plan: u,
			staff: byUnit(demo.people.staff, u.key).filter((p) => p.id !== teacher?.id),
			principals: demo.people.principal.filter((p) => p.unitKey === u.key || p.unitKey === u.parentKey),
			students: byUnit(demo.people.student, u.key),
			guardians: byUnit(demo.people.guardian, u.key)
		}));
	const unitOptions = units.map((u) => [u, u.plan.staff + u.plan.students / 2] as [(typeof units)[number], number]);
	const cumulative: number[] = [];
	days.reduce((sum, d) => (cumulative.push(sum + d.weight), sum + d.weight), 0);
	const total = cumulative[cumulative.length - 1];
	const drawDay = () => {
		const r = random.next() * total;
		let lo = 0;
		let hi = cumulative.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (cumulative[mid] > r) hi = mid;
			else lo = mid + 1;
		}
		return days[lo];
	};

	const draw = (forced?: { unit: (typeof units)[number]; person: DemoPersonRef }): CasePlan => {
		const d = drawDay();
		const filedAt = new Date(fromLocal(ctx.cal.timeZone, d.day, random.int(startMinute, d.lastMinute)));
		const u = forced?.unit ?? weighted(random, unitOptions);
		const r = random.next();
		let kind: RequesterKind = 'staff';
		if (!forced && r < 0.03 && u.principals.length) kind = 'principal';
		else if (!forced && r < 0.1 && u.students.length) kind = 'student';
		else if (!forced && r < 0.12 && u.guardians.length) kind = 'guardian';
		const pool = { staff: u.staff, principal: u.principals, student: u.students, guardian: u.guardians }[kind];
		const requester = forced?.person ?? random.pick(pool.length ? pool : u.staff);
		const technicalShare = kind === 'student' || kind === 'guardian' ? 1 : u.plan.key === 'bou' ? 0.8 : 0.7;
		const chain: Chain = random.chance(technicalShare) ? 'technical' : 'pedagogical';
		const allowed = kind === 'student' ? STUDENT_CATEGORIES : kind === 'guardian' ? GUARDIAN_CATEGORIES : null;
		const preschool = u.plan.kind === 'forskoleenhet';
		const category = weighted(
			random,
			setup.categories
				.filter((c) => c.chain === chain && (!allowed || allowed.includes(c.key)) && !(preschool && c.key === 'tests'))
				.map(
					(c) =>
						[c, BASE_WEIGHT[c.key] * (SEASON_BOOST[d.season]?.[c.key] ?? 1) * (preschool && c.key === 'display' ? 0.5 : 1)] as [
							Category,
							number
						]
				)
		);
		const [title, description] = random.pick(CASE_TEXTS[category.key]);
		// A mentor sometimes files for a student (only where students are registered).
		const onBehalf = !forced && kind === 'staff' && u.students.length > 0 && random.chance(0.02);
		const requesterId = onBehalf ? random.pick(u.students).id : requester.id;
		const lost = lostTime(random, chain, category.key, u.plan.kind === 'skolenhet' && kind !== 'guardian');
		return {
			filedAt,
			unitKey: u.plan.key,
			chain,
			category,
			requesterId,
			filedById: requester.id,
			requesterKind: onBehalf ? 'student' : kind,
			urgency: weighted(random, URGENCY[chain]),
			title,
			description,
			deviceType: category.deviceRelated ? random.pick(category.deviceTypes) : null,
			...lost,
			stuck: false
		};
	};

	const plans = Array.from({ length: count }, () => draw()).sort((a, b) => a.filedAt.getTime() - b.filedAt.getTime());
	const teacherUnit = teacher ? units.find((u) => u.plan.key === teacher.unitKey) : undefined;
	if (teacher && teacherUnit) {
		// Case 1 and a handful more are the demo teacher's; the most recent one is still open.
		for (const at of [0, 0.2, 0.45, 0.7, 0.9, 0.998]) {
			const i = Math.min(plans.length - 1, Math.floor(at * plans.length));
			const own = draw({ unit: teacherUnit, person: teacher });
			plans[i] = { ...own, filedAt: plans[i].filedAt, stuck: at > 0.99 };
		}
	}
	markStuck(random, plans, days);
	return plans;
}

/** About a dozen cases filed one to six weeks ago stay open on purpose. */
function markStuck(random: Random, plans: CasePlan[], days: FilingDay[]) {
	const dayAgo = (n: number) => days[Math.max(0, days.length - n)].day * 86_400_000;
	const [from, to] = [dayAgo(30), dayAgo(5)];
	const candidates = plans.filter((p, i) => i > 0 && p.filedAt.getTime() >= from && p.filedAt.getTime() < to);
	for (const p of random.shuffle(candidates).slice(0, 12)) p.stuck = true;
}

function lostTime(random: Random, chain: Chain, key: CategoryKey, classroom: boolean) {
	const none = { minutesLost: 0, lostTimeUnit: 'lesson' as LostTimeUnit, studentsAffected: 0 };
	if (chain !== 'technical' || !classroom || !CLASSROOM.includes(key) || !random.chance(0.7)) return none;
	const wholeRoom = key === 'display' || key === 'network' || key === 'tests';
	const studentsAffected = wholeRoom ? random.int(12, 30) : random.chance(0.7) ? 1 : random.int(0, 30);
	if (random.chance(0.2)) return { minutesLost: random.int(10, 40), lostTimeUnit: 'minute' as LostTimeUnit, studentsAffected };
	return { minutesLost: lostMinutes(random.int(0, 3), 'lesson'), lostTimeUnit: 'lesson' as LostTimeUnit, studentsAffected };
}
