import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentRounds } from '../../db/schema';
import { roundStatus } from '../../assessment/rounds/round-status';
import { loadRoundNeeds } from './load-round-needs';

/** A sub-goal whose mean level (1–4) is low, at a unit or over the organizer (unitId null). */
export type WeakSubGoal = { subGoalId: string; title: { sv: string; en: string }; mean: number; unitId: string | null; roundName: string };

/** Means under this level count as weak. */
const WEAK_BELOW = 2.75;

/**
 * The weakest sub-goals of the organizer's latest closed self-assessment round, for the given units (or the organizer
 * as a whole when unitIds is null), lowest first, at most `limit` per unit. Reads the organizer report's default-view
 * values (`unitValues`, with the report's suppression: a hidden value is never used) and its organizer totals through
 * the per-round cache (`loadRoundNeeds`, decision 066) — never answers. Internal to the competence courses; callers
 * apply their own reader check.
 */
export async function weakSubGoals(db: Db, o: { organizerId: string; unitIds: string[] | null; limit?: number }): Promise<WeakSubGoal[]> {
	const rounds = await db
		.select({
			id: assessmentRounds.id,
			opensOn: assessmentRounds.opensOn,
			closesOn: assessmentRounds.closesOn,
			closedAt: assessmentRounds.closedAt
		})
		.from(assessmentRounds)
		.where(eq(assessmentRounds.organizerId, o.organizerId))
		.orderBy(desc(assessmentRounds.closesOn))
		.limit(10);
	const round = rounds.find((r) => roundStatus(r) === 'closed');
	if (!round) return [];
	const figures = await loadRoundNeeds(db, { organizerId: o.organizerId, roundId: round.id });
	if (!figures.published) return [];
	const limit = o.limit ?? 2;
	const out: WeakSubGoal[] = [];
	for (const unitId of o.unitIds ?? [null]) {
		const found = figures.subGoals
			.map((sg) => ({
				subGoalId: sg.id,
				title: sg.title,
				mean: unitId === null ? sg.total : (sg.units[unitId] ?? null),
				unitId,
				roundName: figures.roundName
			}))
			.filter((s): s is WeakSubGoal => s.mean !== null && s.mean < WEAK_BELOW)
			.sort((a, b) => a.mean - b.mean)
			.slice(0, limit);
		out.push(...found);
	}
	return out;
}
