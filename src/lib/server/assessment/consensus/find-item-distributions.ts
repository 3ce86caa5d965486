import type { Db } from '../../db';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { getRoundItems } from '../rounds/round-items';
import { roundStatus } from '../rounds/round-status';
import { toConsensusValue } from './consensus-value';
import { getRoundUnit } from './get-round-unit';
import { buildItemGroups } from './item-groups';
import { consensusRows, submittedAnswers } from './queries';
import { loadSamsynVisibility } from './samsyn-visibility';
import { readTogether } from '../../db/read-together';

/**
 * What the unit's team sees for one sub-goal when agreeing on levels: per item the answers per
 * perspective once the round has closed (suppressed as samsyn-visibility.ts says), disagreement,
 * comments of shown groups, and the level already agreed. NOT_FOUND for an unknown sub-goal.
 */
export async function findItemDistributions(
	db: Db,
	opts: { actor: Actor; organizerId: string; roundId: string; unitId: string; subGoalId: string }
) {
	const { round, unit, resource } = await getRoundUnit(db, opts);
	authorize(opts.actor, 'assessment.consensus', resource);
	const { subGoals } = await getRoundItems(db, round);
	const subGoal = subGoals.find((s) => s.id === opts.subGoalId);
	if (!subGoal) throw new AppError('NOT_FOUND', 'sub-goal');
	const scope = { organizerId: opts.organizerId, roundId: round.id, unitId: unit.id };
	const keys = subGoal.items.map((i) => i.key);
	const [answers, agreed] = await readTogether(db, [() => submittedAnswers(db, scope, keys), () => consensusRows(db, scope)]);
	const visibility = await loadSamsynVisibility(db, round, unit.id, subGoals);
	const agreedByKey = new Map(agreed.map((c) => [c.itemKey, c]));
	return {
		round: {
			id: round.id,
			name: round.name,
			status: roundStatus(round),
			threshold: round.anonymityThreshold,
			perspectives: round.perspectives,
			published: visibility.published
		},
		unit,
		subGoals: subGoals.map((s) => ({ id: s.id, title: s.title })),
		subGoal: { id: subGoal.id, title: subGoal.title },
		items: subGoal.items.map((item) => {
			const c = agreedByKey.get(item.key);
			return {
				key: item.key,
				statement: item.statement,
				levels: item.levels,
				...buildItemGroups(item, round.perspectives, answers, (p, answered) => visibility.shows(subGoal.id, p, answered)),
				consensus: c ? { value: toConsensusValue(c), evidence: c.evidence, note: c.note, decidedAt: c.decidedAt } : null
			};
		})
	};
}
