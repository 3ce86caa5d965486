import { and, eq, gte, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentRoundUnits, assessmentRounds } from '../../db/schema';
import { todayInStockholm } from '../../auth/load-actor';
import { answerPerspectives, authorize, can, type Actor } from '../../policies';
import { findResponseRates } from './find-response-rates';
import { loadUnitAccess } from './unit-access';

export type AnswerableUnit = {
	unitId: string;
	unitName: string;
	/** The round's perspectives the actor answers from at this unit. */
	perspectives: string[];
	/** Submitted and started responses, for the unit's team only. */
	rate: { submitted: number; inProgress: number } | null;
};
export type AnswerableRound = { id: string; name: string; closesOn: string; units: AnswerableUnit[] };

/**
 * Open rounds (today in Stockholm) with the units where the actor may answer in one of the
 * round's perspectives, in tree order. The unit's team also gets the unit's response rate.
 */
export async function findAnswerableRounds(
	db: Db,
	{ actor, organizerId }: { actor: Actor | null; organizerId: string }
): Promise<AnswerableRound[]> {
	authorize(actor, 'organizer.member', { type: 'organizer', organizerId });
	const today = todayInStockholm();
	const rows = await db
		.select({ round: assessmentRounds, unitId: assessmentRoundUnits.unitId })
		.from(assessmentRounds)
		.innerJoin(assessmentRoundUnits, eq(assessmentRoundUnits.roundId, assessmentRounds.id))
		.where(
			and(
				eq(assessmentRounds.organizerId, organizerId),
				isNull(assessmentRounds.closedAt),
				lte(assessmentRounds.opensOn, today),
				gte(assessmentRounds.closesOn, today)
			)
		);
	if (!rows.length) return [];
	const access = await loadUnitAccess(db, organizerId);
	const out: AnswerableRound[] = [];
	for (const r of [...new Map(rows.map((x) => [x.round.id, x.round])).values()].sort((a, b) => a.closesOn.localeCompare(b.closesOn))) {
		const unitIds = access.sort(rows.filter((x) => x.round.id === r.id).map((x) => x.unitId));
		const mine = unitIds
			.map((unitId) => ({
				unitId,
				perspectives: answerPerspectives(actor, access.resource(unitId)).filter((p) => r.perspectives.includes(p))
			}))
			.filter((u) => u.perspectives.length > 0);
		if (!mine.length) continue;
		const team = mine.filter((u) => can(actor, 'assessment.consensus', access.resource(u.unitId))).map((u) => u.unitId);
		const rates = team.length ? await findResponseRates(db, { actor, round: { ...r, unitIds }, unitIds: team }) : [];
		out.push({
			id: r.id,
			name: r.name,
			closesOn: r.closesOn,
			units: mine.map((u) => {
				const rate = rates.find((x) => x.unitId === u.unitId);
				return {
					...u,
					unitName: access.byId.get(u.unitId)?.name ?? '',
					rate: rate ? { submitted: rate.submitted, inProgress: rate.inProgress } : null
				};
			})
		});
	}
	return out;
}
