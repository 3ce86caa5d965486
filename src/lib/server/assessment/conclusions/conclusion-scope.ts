import { AppError } from '../../errors';
import type { Round } from '../rounds/get-round';
import { getRoundItems } from '../rounds/round-items';

/**
 * Checks a conclusion's scope against the round's items: a sub-goal must be the round's, an item
 * must be one of its items (and, when a sub-goal is given too, belong to it). An item scope also
 * gets its sub-goal, so planning can find actions by either. INVALID on the `scope` field otherwise.
 */
export async function resolveConclusionScope(
	db: Parameters<typeof getRoundItems>[0],
	round: Round,
	scope: { subGoalId: string | null; itemKey: string | null }
): Promise<{ subGoalId: string | null; itemKey: string | null }> {
	const { subGoals } = await getRoundItems(db, round);
	const invalid = () => new AppError('INVALID', 'conclusion', [{ field: 'scope', message: 'consensus_error_scope' }]);
	if (scope.itemKey) {
		const owner = subGoals.find((sg) => sg.items.some((i) => i.key === scope.itemKey));
		if (!owner || (scope.subGoalId && scope.subGoalId !== owner.id)) throw invalid();
		return { subGoalId: owner.id, itemKey: scope.itemKey };
	}
	if (scope.subGoalId && !subGoals.some((sg) => sg.id === scope.subGoalId)) throw invalid();
	return { subGoalId: scope.subGoalId, itemKey: null };
}
