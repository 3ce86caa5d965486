import { and, desc, eq, isNotNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentRounds } from '../../db/schema';
import { can, type Actor } from '../../policies';
import { readTogether } from '../../db/read-together';
import type { UnitValue } from '../../assessment/reports/compute-organizer-report';
import { computeAreaReport } from '../../assessment/reports/area/compute-area-report';
import { roundFiguresOf, type RoundFigureCell, type RoundFigures } from '../../assessment/reports/round-figures/round-figures-of';
import { readRoundFigures } from '../../assessment/reports/round-figures/read-round-figures';

/** How many closed rounds the picture's trend shows, this one last. */
export const PICTURE_ROUNDS = 3;

/**
 * A report figure as the picture shows it: the mean where the report shows one, else why it is hidden; with the
 * answers behind a shown mean and their spread, what the assessment module's isRealChange weighs (board report).
 */
export type TrendCell = RoundFigureCell;

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

/**
 * The self-assessment side of the picture: the figures of each of the last closed rounds as the organizer report shows
 * them (assessment/reports, with its suppression; stored once a round has closed, decision 074), or for a principal
 * their area's report cut from it; null when the reader may read neither.
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
		/** A round's figures, shared with the caller's other reads of them (read once). */
		figuresOf?: (roundId: string) => Promise<RoundFigures>;
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
			(r) => (): Promise<RoundFigures> =>
				organizerWide
					? (o.figuresOf?.(r.id) ?? readRoundFigures(db, { organizerId: o.organizerId, roundId: r.id }))
					: computeAreaReport(db, { actor: o.actor, organizerId: o.organizerId, roundId: r.id, areaId: o.unitId! }).then(roundFiguresOf)
		)
	);
	const subGoals: AssessmentTrend['subGoals'] = {};
	for (const sg of o.subGoalIds)
		subGoals[sg] = {
			organizer: reports.map((rep) => rep.subGoals[sg]?.organizer ?? { mean: null, why: null }),
			unit: reports.map((rep) => (o.unitId ? (rep.subGoals[sg]?.units[o.unitId] ?? null) : null)),
			...(reports.length
				? {
						spread: {
							range: reports[reports.length - 1].subGoals[sg]?.spread.range ?? null,
							units: reports[reports.length - 1].subGoals[sg]?.spread.units ?? 0
						}
					}
				: {})
		};
	return { scope: organizerWide ? 'organizer' : 'area', rounds, subGoals };
}
