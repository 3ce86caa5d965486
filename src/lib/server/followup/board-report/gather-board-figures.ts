import type { Db } from '../../db';
import type { Actor } from '../../policies';
import { getLocale } from '$lib/paraglide/runtime';
import { getSupportFigures } from '../../support/followup/get-support-figures';
import { buildPlanReport } from '../../planning/build-plan-report';
import { periodOf } from '../../planning/period';
import { findPeriodDecisions } from '../../planning/forums/find-period-decisions';
import { computeOrganizerModelCosts } from '../../devices/find-model-costs';
import { computePoolUse } from '../../apps/find-licence-use';
import { percentiles } from '../../support/followup/school-years';
import { loadBoardStanding } from './standing';
import { dayAfter, type BoardPeriod } from './period';
import type { BoardSnapshot } from './snapshot';

/** Min, median and max of a figure over the units. */
function spread(figure: 'cases' | 'lessons', values: number[]): BoardSnapshot['equity']['spreads'][number] | null {
	if (values.length < 2) return null;
	const sorted = [...values].sort((a, b) => a - b);
	return { figure, units: values.length, min: sorted[0], median: percentiles(values).median!, max: sorted[sorted.length - 1] };
}

/**
 * Collects every figure of a board report for a period from the modules that own them — assessment (standing),
 * planning and forums (what was decided and done), devices and apps (costs), effect chains (effects), support
 * follow-up (support and equity) — and freezes them into a snapshot. Nothing is computed here that a module owns.
 * The caller has authorized followup.report; each module call still applies its own reader rule and suppression.
 */
export async function gatherBoardFigures(
	db: Db,
	opts: {
		actor: Actor;
		organizer: { id: string; name: string };
		period: BoardPeriod;
		unit: { id: string; name: string } | null;
		asks: BoardSnapshot['asks'];
		now?: Date;
	}
): Promise<BoardSnapshot> {
	const { actor, period } = opts;
	const organizerId = opts.organizer.id;
	const end = dayAfter(period.to);
	const schoolYears = [...new Set([periodOf(period.from), periodOf(period.to)])];
	const [standing, plans, decisions, devices, pools, support] = await Promise.all([
		loadBoardStanding(db, { actor, organizerId, until: period.to }),
		Promise.all(schoolYears.map((sy) => buildPlanReport(db, { actor, organizerId, period: sy, locale: getLocale() }))),
		findPeriodDecisions(db, { organizerId, from: period.from, to: end }),
		computeOrganizerModelCosts(db, { organizerId, now: opts.now }),
		computePoolUse(db, organizerId, period.to),
		getSupportFigures(db, { actor, filter: { organizerId, unitId: opts.unit?.id ?? null, chain: null, from: period.from, to: end } })
	]);
	const actions = plans.flatMap((p) => [...p.goals.flatMap((g) => g.actions), ...p.withoutGoal]);
	const byStatus: Record<string, number> = {};
	for (const a of actions) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
	const licences = pools.filter((p) => p.validFrom <= period.to && p.validTo >= period.from);
	const unitRows = support.units.filter((u) => u.id !== null) as { id: string; name: string; cases: number; lessons: number }[];
	return {
		version: 1,
		organizerName: opts.organizer.name,
		period,
		unit: opts.unit,
		standing,
		done: {
			schoolYears,
			actions: actions.map((a) => ({ id: a.id, title: a.title, plan: a.plan, status: a.status, dueOn: a.dueOn, overdue: a.overdue })),
			byStatus,
			decisions: decisions.map((d) => ({
				id: d.id,
				text: d.text,
				forum: d.forumName,
				heldOn: d.heldOn,
				status: d.status,
				dueOn: d.dueOn,
				path: d.path
			}))
		},
		costs: {
			devices: devices
				.filter((d) => d.devices > 0)
				.map((d) => ({
					id: d.id,
					name: d.name,
					devices: d.devices,
					deviceYears: d.deviceYears,
					repairs: d.repairs,
					losses: d.losses,
					costPerStudentYear: d.cost?.perStudentYear ?? null
				})),
			licences: licences.map((p) => ({
				id: p.id,
				tool: p.toolName,
				unit: p.unitName,
				seats: p.seats,
				used: p.used,
				share: p.share,
				priceSek: p.priceSek,
				costPerActiveUser: p.costPerActiveUser
			})),
			licenceTotalSek: licences.reduce((s, p) => s + (p.priceSek ?? 0), 0),
			indicators: plans[plans.length - 1].indicators.map((i) => ({
				chainId: i.chainId,
				chain: i.chain,
				unit: i.unit,
				name: i.name,
				baseline: i.baseline,
				latest: i.hidden ? null : i.latest,
				hidden: i.hidden,
				target: i.target,
				movement: i.movement
			}))
		},
		support: {
			cases: support.byChainLine.reduce((s, r) => s + r.cases, 0),
			byChain: {
				technical: support.byChainLine.filter((r) => r.chain === 'technical').reduce((s, r) => s + r.cases, 0),
				pedagogical: support.byChainLine.filter((r) => r.chain === 'pedagogical').reduce((s, r) => s + r.cases, 0)
			},
			lostLessons: Math.round(support.categories.reduce((s, c) => s + c.lessons, 0) * 10) / 10,
			studentsAffected: support.categories.reduce((s, c) => s + c.students, 0),
			leadTimeMedianMinutes: support.leadTimes.total.median,
			leadTimeP90Minutes: support.leadTimes.total.p90,
			solved: support.leadTimes.total.n,
			sla: support.sla,
			ratingAverage: support.ratings.average,
			ratingCount: support.ratings.count,
			userErrorShare: support.userErrorShare,
			topCategories: support.topCategories.map((c) => ({ name: c.name, cases: c.cases, lessons: c.lessons }))
		},
		equity: {
			units: unitRows.map((u) => ({ id: u.id, name: u.name, cases: u.cases, lessons: u.lessons })),
			spreads: [
				spread(
					'cases',
					unitRows.map((u) => u.cases)
				),
				spread(
					'lessons',
					unitRows.map((u) => u.lessons)
				)
			].filter((s) => s !== null)
		},
		asks: opts.asks
	};
}
