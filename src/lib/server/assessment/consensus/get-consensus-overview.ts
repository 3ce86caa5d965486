import type { Db } from '../../db';
import { authorize, type Actor } from '../../policies';
import { getRoundItems } from '../rounds/round-items';
import { roundStatus } from '../rounds/round-status';
import { getRoundUnit } from './get-round-unit';
import { buildItemGroups } from './item-groups';
import { isShown } from '../reports/suppress';
import { consensusRows, submittedAnswers, submittedCounts } from './queries';
import { readTogether } from '../../db/read-together';

/**
 * Where the unit's team stands with its consensus: per sub-goal how many items are agreed
 * and how many show disagreement, plus the size of each perspective group (and whether shown).
 */
export async function getConsensusOverview(db: Db, opts: { actor: Actor; organizerId: string; roundId: string; unitId: string }) {
	const { round, unit, resource } = await getRoundUnit(db, opts);
	authorize(opts.actor, 'assessment.consensus', resource);
	const { subGoals } = await getRoundItems(db, round);
	const scope = { organizerId: opts.organizerId, roundId: round.id, unitId: unit.id };
	const [counts, answers, agreed] = await readTogether(db, [() => submittedCounts(db, scope), () => submittedAnswers(db, scope), () => consensusRows(db, scope)]);
	const agreedKeys = new Set(agreed.map((c) => c.itemKey));
	return {
		round: { id: round.id, name: round.name, status: roundStatus(round), threshold: round.anonymityThreshold },
		unit,
		groups: round.perspectives.map((p) => {
			const shown = isShown(counts.get(p) ?? 0, round.anonymityThreshold) || !counts.get(p);
			return { perspective: p, responses: shown ? (counts.get(p) ?? 0) : null, shown };
		}),
		subGoals: subGoals.map((sg) => ({
			id: sg.id,
			title: sg.title,
			itemCount: sg.items.length,
			agreedCount: sg.items.filter((i) => agreedKeys.has(i.key)).length,
			disagreementCount: sg.items.filter((i) => buildItemGroups(i, round.perspectives, counts, answers, round.anonymityThreshold).disagreement).length
		}))
	};
}
