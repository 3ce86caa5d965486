import { and, desc, eq, lte } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentRounds } from '../../db/schema';
import type { Actor } from '../../policies';
import { computeOrganizerReport } from '../../assessment/reports/compute-organizer-report';
import { computeProgression } from '../../assessment/reports/compute-progression';
import { TOTAL } from '../../assessment/reports/suppress';

/** One sub-goal's standing: the organizer's mean level in the round (null when hidden or none) and how it moved. */
export type SubGoalStanding = {
	id: string;
	title: { sv: string; en: string };
	/** The organizer's mean level (1–4) in the round; null when the anonymity rule hides it or nobody answered. */
	mean: number | null;
	/** The figure exists but the anonymity rule (or a round not yet closed) hides it. */
	hidden: boolean;
	/** The mean in the compared earlier round, when both are shown. */
	before: number | null;
	diff: number | null;
	/** Whether the change is large enough to count as real (the assessment module's rule). */
	real: boolean;
	/** The spread between units' values (max − min) and how many units count; null with fewer than two. */
	spread: number | null;
	unitsCounted: number;
};

export type BoardStanding = {
	round: { id: string; name: string; opensOn: string; closesOn: string } | null;
	compared: { id: string; name: string } | null;
	subGoals: SubGoalStanding[];
};

/**
 * Where the organizer stands per sub-goal at the end of a period and how it moved: the latest self-assessment round
 * that opened by then, against the one before it, through the assessment module's own report functions (suppressed
 * cells carry no numbers). The board report's one seam to the standing: the integrator may switch it to the
 * per-sub-goal picture loader of followup/picture without touching anything else.
 */
export async function loadBoardStanding(db: Db, opts: { actor: Actor; organizerId: string; until: string }): Promise<BoardStanding> {
	const [latest] = await db
		.select({ id: assessmentRounds.id })
		.from(assessmentRounds)
		.where(and(eq(assessmentRounds.organizerId, opts.organizerId), lte(assessmentRounds.opensOn, opts.until)))
		.orderBy(desc(assessmentRounds.opensOn))
		.limit(1);
	if (!latest) return { round: null, compared: null, subGoals: [] };
	const report = await computeOrganizerReport(db, { actor: opts.actor, organizerId: opts.organizerId, roundId: latest.id });
	const progression = await computeProgression(db, { actor: opts.actor, organizerId: opts.organizerId, report });
	return {
		round: { id: report.round.id, name: report.round.name, opensOn: report.round.opensOn, closesOn: report.round.closesOn },
		compared: progression.compared ? { id: progression.compared.id, name: progression.compared.name } : null,
		subGoals: report.subGoals.map((sg) => {
			const total = report.figures[sg.id]?.[TOTAL]?.[TOTAL];
			const change = progression.subGoals.find((c) => c.id === sg.id);
			const eq = report.equity[sg.id]?.answers ?? null;
			return {
				id: sg.id,
				title: sg.title,
				mean: total?.shown ? total.mean : null,
				hidden: !!total?.suppressed,
				before: change?.before?.shown ? change.before.mean : null,
				diff: change?.diff ?? null,
				real: change?.real ?? false,
				spread: eq ? eq.range : null,
				unitsCounted: report.equity[sg.id]?.counted.answers ?? 0
			};
		})
	};
}
