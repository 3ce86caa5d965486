import type { Db } from '../../db';
import { isShown } from '../reports/suppress';
import type { Round } from '../rounds/get-round';
import type { RoundSubGoal } from '../rounds/round-items';
import { roundStatus, type RoundStatus } from '../rounds/round-status';
import { unitReportSuppression } from './unit-report-suppression';

/**
 * Whether a unit's answers (distributions, means, comments) may be shown at all: only once the round
 * has closed. While it is open every new submission would change what is shown, and whoever watches
 * the page could read one person's answers off the change (decision 014).
 */
export const answersPublished = (status: RoundStatus) => status === 'closed';

/**
 * The rule for one group's answers to one item on the consensus (samsyn) page, as a pure function so
 * the property test can drive it:
 * - nothing before the round closes;
 * - only a group the reports show for the item's sub-goal (primary and complementary suppression over
 *   every unit of the round, `unitReportSuppression`), so samsyn never shows what a report hides;
 * - only when at least `threshold` of the group answered this very item (a response with no answer to
 *   it does not count), or when nobody did (a known zero has nothing to hide).
 */
export function samsynShows(o: { published: boolean; shownInReports: boolean; answered: number; threshold: number }): boolean {
	if (!o.published || !o.shownInReports) return false;
	return o.answered === 0 || isShown(o.answered, o.threshold);
}

/** The samsyn rule for one unit of a round, with the reports' suppression loaded once. */
export async function loadSamsynVisibility(db: Db, round: Round, unitId: string, subGoals: RoundSubGoal[]) {
	const published = answersPublished(roundStatus(round));
	const suppression = await unitReportSuppression(db, round, unitId, subGoals);
	return {
		published,
		/** The group's submitted responses when the organizer report shows that count, else null. */
		respondents: suppression.respondents,
		/** Whether samsyn shows `perspective`'s answers to an item of `subGoalId` that `answered` of them answered. */
		shows: (subGoalId: string, perspective: string, answered: number) =>
			samsynShows({ published, shownInReports: suppression.shownIn(subGoalId, perspective), answered, threshold: round.anonymityThreshold })
	};
}
