import { and, desc, eq, isNotNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentRounds } from '../../db/schema';
import { can, type Actor } from '../../policies';
import { readTogether } from '../../db/read-together';
import { computeOrganizerReport, type OrganizerReport, type UnitValue } from '../../assessment/reports/compute-organizer-report';
import { computeAreaReport } from '../../assessment/reports/area/compute-area-report';
import { TOTAL } from '../../assessment/reports/suppress';
import type { HiddenWhy } from '../../assessment/reports/stats';

/** How many closed rounds the picture's trend shows, this one last. */
export const PICTURE_ROUNDS = 3;

/** A report figure as the picture shows it: the mean where the report shows one, else why it is hidden. */
export type TrendCell = {
	mean: number | null;
	why: HiddenWhy | null;
	/** Answers behind a shown mean and their spread: what the assessment module's isRealChange weighs (board report). */
	n?: number;
	sd?: number | null;
};

export type AssessmentTrend = {
	/** Whose report it is: the organizer's (organizer-wide readers) or a principal's area cut from it. */
	scope: 'organizer' | 'area';
	rounds: { id: string; name: string; closesOn: string }[];
	/** Per sub-goal: the organizer's total per round (oldest first), and the chosen unit's value where it took part. */
	subGoals: Record<
		string,
		{
			organizer: TrendCell[];
			unit: (UnitValue | null)[];
			/** The newest round's spread between units' values (max − min) and how many units count (the report's equity). */
			spread?: { range: number | null; units: number };
		}
	>;
};

/** The closed rounds of the framework up to the period's end, newest first (at most PICTURE_ROUNDS). */
async function closedRounds(db: Db, o: { organizerId: string; frameworkKey: string; before: string; today: string }) {
	return db
		.select({ id: assessmentRounds.id, name: assessmentRounds.name, closesOn: assessmentRounds.closesOn })
		.from(assessmentRounds)
		.where(
			and(
				eq(assessmentRounds.organizerId, o.organizerId),
				eq(assessmentRounds.frameworkKey, o.frameworkKey),
				lt(assessmentRounds.opensOn, o.before),
				or(lt(assessmentRounds.closesOn, o.today), isNotNull(assessmentRounds.closedAt))
			)
		)
		.orderBy(desc(assessmentRounds.closesOn))
		.limit(PICTURE_ROUNDS);
}

const cellOf = (report: OrganizerReport, subGoalId: string): TrendCell => {
	const f = report.figures[subGoalId]?.[TOTAL]?.[TOTAL];
	if (!f) return { mean: null, why: null };
	return f.shown ? { mean: f.mean, why: null, n: f.n, sd: f.sd } : { mean: null, why: f.suppressed ? (f.why ?? 'protect') : null };
};

/**
 * The self-assessment side of the picture: the organizer report of each of the last closed rounds (assessment/reports,
 * with its suppression), or for a principal their area's report cut from it; null when the reader may read neither.
 */
export async function loadAssessmentTrend(
	db: Db,
	o: {
		actor: Actor;
		organizerId: string;
		unitId: string | null;
		unitResource: { ancestorIds: string[] } | null;
		frameworkKey: string;
		before: string;
		today: string;
		subGoalIds: string[];
		/** The organizer report of a round, shared with the caller's other reads of it (computed once). */
		reportOf?: (roundId: string) => Promise<OrganizerReport>;
	}
): Promise<AssessmentTrend | null> {
	const organizerWide = can(o.actor, 'assessment.organizer_report', { type: 'organizer', organizerId: o.organizerId });
	const area =
		!organizerWide &&
		o.unitId !== null &&
		can(o.actor, 'assessment.area_report', {
			type: 'unit',
			organizerId: o.organizerId,
			unitId: o.unitId,
			ancestorIds: o.unitResource?.ancestorIds ?? []
		});
	if (!organizerWide && !area) return null;
	const rounds = (await closedRounds(db, o)).reverse();
	const reports = await readTogether(
		db,
		rounds.map(
			(r) => (): Promise<OrganizerReport> =>
				organizerWide
					? (o.reportOf?.(r.id) ?? computeOrganizerReport(db, { actor: o.actor, organizerId: o.organizerId, roundId: r.id }))
					: computeAreaReport(db, { actor: o.actor, organizerId: o.organizerId, roundId: r.id, areaId: o.unitId! })
		)
	);
	const subGoals: AssessmentTrend['subGoals'] = {};
	for (const sg of o.subGoalIds)
		subGoals[sg] = {
			organizer: reports.map((rep) => cellOf(rep, sg)),
			unit: reports.map((rep) => (o.unitId ? (rep.unitValues[sg]?.[o.unitId] ?? null) : null)),
			...(reports.length
				? {
						spread: {
							range: reports[reports.length - 1].equity[sg]?.answers?.range ?? null,
							units: reports[reports.length - 1].equity[sg]?.counted.answers ?? 0
						}
					}
				: {})
		};
	return { scope: organizerWide ? 'organizer' : 'area', rounds, subGoals };
}
