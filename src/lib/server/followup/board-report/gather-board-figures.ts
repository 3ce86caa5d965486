import type { Db } from '../../db';
import type { Actor } from '../../policies';
import { getLocale } from '$lib/paraglide/runtime';
import { AppError } from '../../errors';
import { buildPlanReport } from '../../planning/build-plan-report';
import { periodOf } from '../../planning/period';
import { findPeriodDecisions } from '../../planning/forums/find-period-decisions';
import { computeOrganizerModelCosts } from '../../devices/find-model-costs';
import { computePoolUse } from '../../apps/find-licence-use';
import { licenceUseShare } from '../../apps/apps-indicator-values';
import { getOperationalFigures } from '../operations/get-operational-figures';
import { getSurveyFigures } from '../surveys/get-survey-figures';
import { loadComparisonsBeside } from '../comparisons/comparisons-beside';
import { ownFigureValues } from '../comparisons/own-figure-values';
import { loadBoardStanding } from './standing';
import { dayAfter, type BoardPeriod } from './period';
import type { BoardSnapshot } from './snapshot';

/** A part the source module's own rule refuses this reader is left out (null); anything else is an error. */
const forbiddenAsNull = (e: unknown) => {
	if (e instanceof AppError && e.code === 'FORBIDDEN') return null;
	throw e;
};

/**
 * Collects every figure of a board report for a period from the modules that own them — the one-picture view's
 * standing (assessment), planning and forums (what was decided and done), devices and apps (costs), effect chains
 * (effects), the operational follow-up (support figures, and equity per 100 students and staff with the spread),
 * surveys (their own suppressed cells) and comparison values beside own figures — and freezes them into a snapshot.
 * Nothing is computed here that a module owns. A unit filter narrows the standing (the unit's value beside each
 * sub-goal), support, equity, surveys and comparison values; plans, decisions and costs are the organizer's.
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
	const unitId = opts.unit?.id ?? null;
	// The licence pools are read once: the costs list them and the operational follow-up counts their use.
	const readPools = computePoolUse(db, organizerId, period.to);
	const [standing, plans, decisions, devices, pools, ops, surveys] = await Promise.all([
		loadBoardStanding(db, { actor, organizerId, unitId, until: period.to }),
		Promise.all(schoolYears.map((sy) => buildPlanReport(db, { actor, organizerId, period: sy, locale: getLocale() }))),
		findPeriodDecisions(db, { organizerId, from: period.from, to: end }),
		computeOrganizerModelCosts(db, { organizerId, now: opts.now }),
		readPools,
		getOperationalFigures(db, { actor, organizerId, unitId, from: period.from, to: end, pools: readPools }),
		getSurveyFigures(db, { actor, organizerId, unitId, from: period.from, to: period.to, now: opts.now }).catch(forbiddenAsNull)
	]);
	// The support figures are the operational follow-up's own (the same computeSupportFigures over the same filter).
	const support = ops.support;
	const assessed = Object.fromEntries(
		standing.subGoals.map((g) => [`assessment.subgoal.${g.id}`, unitId ? (g.unitValue ?? null) : g.mean])
	);
	const licences = pools.filter((p) => p.validFrom <= period.to && p.validTo >= period.from);
	// Licence use over the report's own pools (those in force during the period), the organizer's only.
	const licenceShare = licenceUseShare(licences);
	const comparisons = await loadComparisonsBeside(db, {
		organizerId,
		unitId,
		schoolYears,
		own: {
			...ownFigureValues(ops),
			'licences.utilisation': unitId || licenceShare === null ? null : Math.round(licenceShare * 1000) / 10,
			...assessed
		}
	});
	const actions = plans.flatMap((p) => [...p.goals.flatMap((g) => g.actions), ...p.withoutGoal]);
	const byStatus: Record<string, number> = {};
	for (const a of actions) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
	return {
		version: 2,
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
			schoolYear: ops.period.schoolYear,
			headline: ops.headline,
			organizerAverage: ops.organizerAverage,
			comparison: ops.comparison
		},
		surveys,
		comparisons,
		asks: opts.asks
	};
}
