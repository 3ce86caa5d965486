import type { Db } from '../../db';
import { authorize, type Actor } from '../../policies';
import { getRoundItems } from '../rounds/round-items';
import { roundStatus } from '../rounds/round-status';
import { getRoundUnit } from './get-round-unit';
import { buildItemGroups } from './item-groups';
import { consensusRows, submittedAnswers } from './queries';
import { loadSamsynVisibility } from './samsyn-visibility';
import { readTogether } from '../../db/read-together';

/**
 * Where the unit's team stands with its consensus: per sub-goal how many items are agreed
 * and (once the round has closed) how many show disagreement, plus the size of each perspective group
 * as the reports show it.
 */
export async function getConsensusOverview(db: Db, opts: { actor: Actor; organizerId: string; roundId: string; unitId: string }) {
	const { round, unit, resource } = await getRoundUnit(db, opts);
	authorize(opts.actor, 'assessment.consensus', resource);
	const { subGoals } = await getRoundItems(db, round);
	const scope = { organizerId: opts.organizerId, roundId: round.id, unitId: unit.id };
	const [answers, agreed] = await readTogether(db, [() => submittedAnswers(db, scope), () => consensusRows(db, scope)]);
	const visibility = await loadSamsynVisibility(db, round, unit.id, subGoals);
	const agreedKeys = new Set(agreed.map((c) => c.itemKey));
	return {
		round: {
			id: round.id,
			name: round.name,
			status: roundStatus(round),
			threshold: round.anonymityThreshold,
			published: visibility.published
		},
		unit,
		// The same counts the reports show, so nothing here can be set against them.
		groups: round.perspectives.map((p) => {
			const responses = visibility.respondents(p);
			return { perspective: p, responses, shown: responses !== null };
		}),
		subGoals: subGoals.map((sg) => ({
			id: sg.id,
			title: sg.title,
			itemCount: sg.items.length,
			agreedCount: sg.items.filter((i) => agreedKeys.has(i.key)).length,
			// Null before the round closes: a count that moves with each submission hints at that answer.
			disagreementCount: visibility.published
				? sg.items.filter((i) => buildItemGroups(i, round.perspectives, answers, (p, n) => visibility.shows(sg.id, p, n)).disagreement)
						.length
				: null
		}))
	};
}
