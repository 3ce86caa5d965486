import type { Db } from '../../db';
import { fetchGroupStats, fetchRespondentCounts, fetchThinPools } from '../reports/report-queries';
import { suppressGroups } from '../reports/suppress';
import { suppressSubGoal } from '../reports/suppress-round';
import type { Round } from '../rounds/get-round';
import type { RoundSubGoal } from '../rounds/round-items';
import { readTogether } from '../../db/read-together';

/**
 * Which of a unit's perspective groups the unit report may show: exactly those the organizer
 * report shows (primary and complementary suppression over every unit of the round, per
 * sub-goal), so an organizer-wide reader who sees both reports cannot subtract one from the other.
 */
export async function unitReportSuppression(db: Db, round: Round, unitId: string, subGoals: RoundSubGoal[]) {
	const scope = { organizerId: round.organizerId, roundId: round.id };
	const groups: Record<string, string> = {};
	for (const sg of subGoals) for (const item of sg.items) groups[item.key] = sg.id;
	const threshold = round.anonymityThreshold;
	const [respondents, stats, pools] = await readTogether(db, [
		() => fetchRespondentCounts(db, scope),
		() => fetchGroupStats(db, { ...scope, groups, threshold }),
		() => fetchThinPools(db, { ...scope, groups, threshold })
	]);
	const counts = suppressGroups({ cells: respondents.map((r) => ({ row: r.unitId, col: r.perspective, count: r.count })), threshold });
	const bySubGoal = new Map(
		subGoals.map((sg) => {
			const perspectives = round.perspectives.filter((p) => sg.items.some((i) => (i.perspectives as string[]).includes(p)));
			const thinRows = stats.filter((s) => s.groupKey === sg.id);
			const thinPools = pools.filter((p) => p.groupKey === sg.id).map((p) => p.unitId);
			return [sg.id, suppressSubGoal({ respondents, perspectives, thinRows, thinPools, threshold })];
		})
	);
	return {
		/** The group's respondent count when the organizer report shows it, else null. */
		respondents: (perspective: string) => (counts.shown(unitId, perspective) ? counts.count(unitId, perspective) : null),
		/** Whether the group's figures for this sub-goal may be shown. */
		shownIn: (subGoalId: string, perspective: string) => {
			const s = bySubGoal.get(subGoalId);
			return !!s && s.shown(unitId, perspective);
		}
	};
}
