import type { Db } from '../../db';
import { authorize, can, type Actor } from '../../policies';
import { getRoundItems } from '../rounds/round-items';
import { roundStatus } from '../rounds/round-status';
import { toConsensusValue, type ConsensusValue } from './consensus-value';
import { getRoundUnit } from './get-round-unit';
import { buildItemGroups } from './item-groups';
import { unitReportSuppression } from './unit-report-suppression';
import { consensusRows, submittedAnswers } from './queries';
import { answersPublished } from './samsyn-visibility';
import { findUnitComparison } from './find-unit-comparison';
import { readTogether } from '../../db/read-together';

const average = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

/** Sort position of an agreed value: lowest level (furthest from level 4) first, then non-levels, then not agreed. */
const distance = (v: ConsensusValue | null) => (v === null ? 9 : /^[1-4]$/.test(v) ? Number(v) : 5);

/**
 * The unit's report for a round: per sub-goal the agreed levels and, beside them, each
 * perspective's mean where the group is large enough to show; items furthest from the goal
 * first, each with the framework's next step for its agreed level (none at level 4), and what the
 * unit agreed in its previous round of the framework — flagged where an item's meaning changed.
 */
export async function getUnitReport(db: Db, opts: { actor: Actor; organizerId: string; roundId: string; unitId: string }) {
	const { round, unit, resource } = await getRoundUnit(db, opts);
	authorize(opts.actor, 'assessment.unit_report', resource);
	const { subGoals } = await getRoundItems(db, round);
	const scope = { organizerId: opts.organizerId, roundId: round.id, unitId: unit.id };
	const [answers, agreed, comparison] = await readTogether(db, [
		() => submittedAnswers(db, scope),
		() => consensusRows(db, scope),
		() => findUnitComparison(db, round, unit.id)
	]);
	const agreedByKey = new Map(agreed.map((c) => [c.itemKey, c]));
	const perspectives = round.perspectives;
	const suppression = await unitReportSuppression(db, round, unit.id, subGoals);
	// Means move with every submission while the round is open, so they wait for the close (decision 014).
	const published = answersPublished(roundStatus(round));
	const shownIn = (subGoalId: string, perspective: string) => published && suppression.shownIn(subGoalId, perspective);

	const report = subGoals.map((sg) => {
		const items = sg.items.map((item) => {
			const c = agreedByKey.get(item.key);
			const value = toConsensusValue(c);
			// Every group goes through buildItemGroups; the report's own suppression decides below.
			const { groups } = buildItemGroups(item, perspectives, answers, () => true);
			const nextStep = value === '1' || value === '2' || value === '3' ? item.next_steps[value] : null;
			return {
				key: item.key,
				statement: item.statement,
				agreed: value,
				evidence: c?.evidence ?? '',
				nextStep,
				/** The unit's previous round for this item (null without one); says when the item's meaning changed. */
				previous: comparison
					? (comparison.items.get(item.key) ?? { previousAgreed: null, meaningChanged: false, previousKey: null, isNew: false })
					: null,
				means: groups.map((g) => {
					const shown = shownIn(sg.id, g.perspective);
					return { perspective: g.perspective, shown, mean: shown ? (g.distribution?.mean ?? null) : null };
				})
			};
		});
		items.sort((a, b) => distance(a.agreed) - distance(b.agreed));
		const agreedLevels = items.flatMap((i) => (i.agreed && /^[1-4]$/.test(i.agreed) ? [Number(i.agreed)] : []));
		const sgKeys = new Set(sg.items.map((i) => i.key));
		const perspectiveMeans = perspectives
			.filter((p) => sg.items.some((i) => (i.perspectives as string[]).includes(p)))
			.map((p) => {
				const shown = shownIn(sg.id, p);
				const levels = shown
					? answers.filter((a) => a.perspective === p && sgKeys.has(a.itemKey) && a.level !== null).map((a) => a.level!)
					: [];
				return { perspective: p, shown, mean: shown ? average(levels) : null };
			});
		return {
			id: sg.id,
			title: sg.title,
			agreedMean: average(agreedLevels),
			agreedCount: agreedLevels.length,
			itemCount: items.length,
			perspectiveMeans,
			items
		};
	});

	return {
		round: { id: round.id, name: round.name, status: roundStatus(round), threshold: round.anonymityThreshold, perspectives, published },
		unit,
		canRecordConsensus: can(opts.actor, 'assessment.consensus', resource),
		/** A suggestion can become an action in the unit's plan ("Gör till aktivitet") for those who plan for the unit. */
		planning: {
			frameworkKey: round.frameworkKey,
			canPlan: can(opts.actor, 'plan.write', {
				type: 'plan',
				organizerId: opts.organizerId,
				unitId: unit.id,
				ancestorIds: resource.ancestorIds
			})
		},
		previousRound: comparison?.round ?? null,
		groups: perspectives.map((p) => ({
			perspective: p,
			responses: suppression.respondents(p),
			shown: suppression.respondents(p) !== null
		})),
		subGoals: report
	};
}
