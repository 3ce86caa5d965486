import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { rowsOf } from '../../db/rows';
import { competenceRoundNeeds } from '../../db/schema';
import type { RoundNeedsFigures } from '../../db/schema/courses';
import { buildOrganizerReport } from '../../assessment/reports/compute-organizer-report';
import { TOTAL } from '../../assessment/reports/suppress';

/**
 * What a closed round's organizer report was built from, as one string: the round's dates, closing, threshold and
 * perspectives, its units, and its agreed levels (count and the latest decision). Answers cannot change once the round
 * has closed; agreed levels can, and they feed a unit's default-view value, so a new decision changes the stamp.
 */
async function roundStamp(db: Db, roundId: string): Promise<string | null> {
	const res = await db.execute(sql`
		SELECT concat_ws('|', r.opens_on, r.closes_on, r.closed_at, r.anonymity_threshold, array_to_string(r.perspectives, ','),
			(SELECT count(*) FROM assessment_round_units ru WHERE ru.round_id = r.id),
			(SELECT concat(count(*), '@', max(c.decided_at)) FROM assessment_consensus c WHERE c.round_id = r.id)) AS stamp
		FROM assessment_rounds r WHERE r.id = ${roundId}`);
	return rowsOf<{ stamp: string }>(res)[0]?.stamp ?? null;
}

/** The figures recommendations need, taken from the organizer report (its suppression applied, hidden values null). */
async function computeRoundNeeds(db: Db, o: { organizerId: string; roundId: string }): Promise<RoundNeedsFigures> {
	const report = await buildOrganizerReport(db, o);
	return {
		roundName: report.round.name,
		published: report.round.published,
		subGoals: report.subGoals.map((sg) => ({
			id: sg.id,
			title: sg.title,
			total: report.figures[sg.id]?.[TOTAL]?.[TOTAL]?.mean ?? null,
			units: Object.fromEntries(report.units.map((u) => [u.id, report.unitValues[sg.id]?.[u.id]?.value ?? null]))
		}))
	};
}

/**
 * A closed round's sub-goal figures for recommendations and the needs picture (decision 066): read from
 * `competence_round_needs` when its stamp still matches the round, otherwise built once from the organizer report and
 * stored, so a page every teacher opens does not build the whole report each time. Only closed rounds are cached (an
 * open round's report carries no means anyway). Internal; callers apply their own reader check.
 */
export async function loadRoundNeeds(db: Db, o: { organizerId: string; roundId: string }): Promise<RoundNeedsFigures> {
	const stamp = await roundStamp(db, o.roundId);
	if (stamp === null) return { roundName: '', published: false, subGoals: [] };
	const [cached] = await db
		.select({ stamp: competenceRoundNeeds.stamp, figures: competenceRoundNeeds.figures })
		.from(competenceRoundNeeds)
		.where(and(eq(competenceRoundNeeds.roundId, o.roundId), eq(competenceRoundNeeds.organizerId, o.organizerId)));
	if (cached && cached.stamp === stamp) return cached.figures;
	const figures = await computeRoundNeeds(db, o);
	if (figures.published)
		await db
			.insert(competenceRoundNeeds)
			.values({ roundId: o.roundId, organizerId: o.organizerId, stamp, figures })
			.onConflictDoUpdate({ target: competenceRoundNeeds.roundId, set: { stamp, figures, computedAt: new Date() } });
	return figures;
}
