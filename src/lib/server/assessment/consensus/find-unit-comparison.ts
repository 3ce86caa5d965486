import { and, desc, eq, lt, ne } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentRoundUnits, assessmentRounds } from '../../db/schema';
import { getFramework } from '../framework/get-framework';
import { matchItems } from '../framework/compare-versions';
import type { Round } from '../rounds/get-round';
import { toConsensusValue, type ConsensusValue } from './consensus-value';
import { consensusRows } from './queries';

/** How one item of the round relates to the unit's previous round. */
export type ItemComparison = {
	/** The unit's agreed value in the previous round, for the same item or the one it replaced. */
	previousAgreed: ConsensusValue | null;
	/** The item took over an earlier item's place with a new key: its meaning changed, so the two are not comparable as equals. */
	meaningChanged: boolean;
	previousKey: string | null;
	/** A framework item with no counterpart in the previous round's version. */
	isNew: boolean;
};

/**
 * The unit's latest earlier round of the same framework (by opening date) and, per item of this
 * round, what the unit agreed then. Items match by key across framework versions; an item whose
 * `replaces` names an earlier key is matched to it but flagged as changed in meaning; items the
 * earlier version lacked are flagged as new. Callers authorize. Null when there is no earlier round.
 */
export async function findUnitComparison(db: Db, round: Round, unitId: string) {
	const [previous] = await db
		.select({ id: assessmentRounds.id, name: assessmentRounds.name, frameworkVersion: assessmentRounds.frameworkVersion })
		.from(assessmentRounds)
		.innerJoin(assessmentRoundUnits, and(eq(assessmentRoundUnits.roundId, assessmentRounds.id), eq(assessmentRoundUnits.unitId, unitId)))
		.where(
			and(
				eq(assessmentRounds.organizerId, round.organizerId),
				eq(assessmentRounds.frameworkKey, round.frameworkKey),
				lt(assessmentRounds.opensOn, round.opensOn),
				ne(assessmentRounds.id, round.id)
			)
		)
		.orderBy(desc(assessmentRounds.opensOn), desc(assessmentRounds.createdAt))
		.limit(1);
	if (!previous) return null;
	const [oldFw, newFw] = await Promise.all([
		getFramework(round.frameworkKey, previous.frameworkVersion),
		getFramework(round.frameworkKey, round.frameworkVersion)
	]);
	const match = matchItems(oldFw, newFw);
	const agreed = new Map(
		(await consensusRows(db, { organizerId: round.organizerId, roundId: previous.id, unitId })).map((c) => [c.itemKey, toConsensusValue(c)])
	);
	const items = new Map<string, ItemComparison>();
	for (const m of match.matched)
		items.set(m.key, { previousAgreed: agreed.get(m.key) ?? null, meaningChanged: false, previousKey: m.key, isNew: false });
	for (const r of match.replaced)
		items.set(r.new.key, { previousAgreed: agreed.get(r.old.key) ?? null, meaningChanged: true, previousKey: r.old.key, isNew: false });
	for (const a of match.added) items.set(a.key, { previousAgreed: null, meaningChanged: false, previousKey: null, isNew: true });
	// The organizer's own items match only by the same key in both rounds.
	for (const [key, value] of agreed)
		if (key.startsWith('egen.') && !items.has(key))
			items.set(key, { previousAgreed: value, meaningChanged: false, previousKey: key, isNew: false });
	return { round: { id: previous.id, name: previous.name, frameworkVersion: previous.frameworkVersion }, items };
}
