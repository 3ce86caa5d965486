import { and, desc, eq, lte } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentRoundUnits, assessmentRounds } from '../../db/schema';
import { can, type Actor } from '../../policies';
import { todayInStockholm } from '../../auth/load-actor';
import { getUnitReport } from '../../assessment/consensus/get-unit-report';
import { computeOrganizerReport } from '../../assessment/reports/compute-organizer-report';
import { TOTAL } from '../../assessment/reports/suppress';
import { getSupportFigures } from '../../support/followup/get-support-figures';
import { periodBounds, periodOf } from '../period';
import type { Cycle } from './get-cycle';
import { lessonsOf } from '../../../support/lost-time';

type Title = { sv: string; en: string };
/** One sub-goal's figures: a mean level, or hidden (too few answered, or the round is still open). */
export type SubGoalFact = { id: string; title: Title; mean: number | null; hidden: boolean; agreedMean: number | null };

/** The scope's latest round that has begun: the unit's, or any of the organizer's. */
async function latestRound(db: Db, organizerId: string, unitId: string | null) {
	const today = todayInStockholm();
	const where = and(eq(assessmentRounds.organizerId, organizerId), lte(assessmentRounds.opensOn, today));
	const base = db.select({ id: assessmentRounds.id }).from(assessmentRounds);
	const rows = unitId
		? await base
				.innerJoin(
					assessmentRoundUnits,
					and(eq(assessmentRoundUnits.roundId, assessmentRounds.id), eq(assessmentRoundUnits.unitId, unitId))
				)
				.where(where)
				.orderBy(desc(assessmentRounds.opensOn), desc(assessmentRounds.createdAt))
				.limit(1)
		: await base.where(where).orderBy(desc(assessmentRounds.opensOn), desc(assessmentRounds.createdAt)).limit(1);
	return rows[0]?.id ?? null;
}

/** The self-assessment beside Undersök, through the reports' own functions so their anonymity rules hold. */
async function assessmentFacts(db: Db, actor: Actor, cycle: Cycle) {
	const { organizerId, unitId } = cycle;
	const roundId = await latestRound(db, organizerId, unitId);
	if (!roundId) return null;
	if (unitId) {
		if (!can(actor, 'assessment.unit_report', { type: 'unit', organizerId, unitId, ancestorIds: cycle.resource.ancestorIds })) return null;
		const r = await getUnitReport(db, { actor, organizerId, roundId, unitId });
		const subGoals: SubGoalFact[] = r.subGoals.map((sg) => {
			const shown = sg.perspectiveMeans.filter((p) => p.shown && p.mean !== null);
			const mean = shown.length ? shown.reduce((s, p) => s + p.mean!, 0) / shown.length : null;
			return {
				id: sg.id,
				title: sg.title,
				mean,
				hidden: mean === null && sg.perspectiveMeans.some((p) => !p.shown),
				agreedMean: sg.agreedMean
			};
		});
		return { roundId, roundName: r.round.name, published: r.round.published, href: `skattning/${roundId}/enhet/${unitId}`, subGoals };
	}
	if (!can(actor, 'assessment.organizer_report', { type: 'organizer', organizerId })) return null;
	const r = await computeOrganizerReport(db, { actor, organizerId, roundId });
	const subGoals: SubGoalFact[] = r.subGoals.map((sg) => {
		const cell = r.figures[sg.id]?.[TOTAL]?.[TOTAL];
		const mean = cell?.shown ? cell.mean : null;
		return { id: sg.id, title: sg.title, mean, hidden: !!cell?.suppressed || (!r.round.published && !!cell), agreedMean: null };
	});
	return { roundId, roundName: r.round.name, published: r.round.published, href: `skattning/${roundId}/rapport`, subGoals };
}

/** The support chain's figures for this läsår, in short. */
async function supportFacts(db: Db, actor: Actor, cycle: Cycle) {
	const { organizerId, unitId } = cycle;
	if (!can(actor, 'support.followup', { type: 'support', organizerId, unitId, ancestorIds: cycle.resource.ancestorIds })) return null;
	const period = periodOf();
	const { from, to } = periodBounds(period);
	const next = new Date(`${to}T00:00:00Z`);
	next.setUTCDate(next.getUTCDate() + 1);
	const f = await getSupportFigures(db, { actor, filter: { organizerId, unitId, chain: null, from, to: next.toISOString().slice(0, 10) } });
	const sum = (key: 'cases' | 'lessons') => f.categories.reduce((s, c) => s + c[key], 0);
	const resolution = f.sla.find((s) => s.kind === 'resolution');
	return {
		period,
		cases: sum('cases'),
		lessonsLost: lessonsOf(f.categories.reduce((s, c) => s + c.minutes, 0)),
		userErrorShare: f.userErrorShare,
		ratingAverage: f.ratings.average,
		resolutionCompliance: resolution?.compliance ?? null,
		topCategories: f.topCategories.slice(0, 3).map((c) => ({ name: c.name, cases: c.cases })),
		href: unitId ? `support/uppfoljning/${unitId}` : 'support/uppfoljning'
	};
}

/**
 * The facts beside Undersök: the scope's latest self-assessment (hidden figures stay hidden) and its
 * support figures for this läsår, each only where the actor may read the full report it links to.
 */
export async function loadCycleFacts(db: Db, opts: { actor: Actor; cycle: Cycle }) {
	const [assessment, support] = await Promise.all([assessmentFacts(db, opts.actor, opts.cycle), supportFacts(db, opts.actor, opts.cycle)]);
	return { assessment, support };
}
