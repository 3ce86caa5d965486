import { and, desc, eq, inArray, isNotNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentConclusions, assessmentRounds, units } from '../../db/schema';
import { todayInStockholm } from '../../auth/load-actor';
import type { Actor } from '../../policies';

/** One "Ni sa – vi gör" conclusion on a staff member's start page. */
export type StaffConclusion = {
	id: string;
	roundId: string;
	roundName: string;
	unitId: string;
	unitName: string;
	summary: string;
	createdAt: Date;
};

/**
 * "Ni sa – vi gör" for everyone who works at a unit, answered or not: the newest conclusions their
 * units drew from rounds that have closed (results come after the close, decision 014), newest first.
 * Only the conclusion text, its unit and its round: no figures, no names. Empty for a person without
 * a role on any unit of the organizer.
 */
export async function findStaffConclusions(
	db: Db,
	opts: { actor: Actor; organizerId: string; limit?: number; today?: string }
): Promise<StaffConclusion[]> {
	const unitIds = [...new Set(opts.actor.assignments.filter((a) => a.organizerId === opts.organizerId && a.unitId).map((a) => a.unitId!))];
	if (!unitIds.length) return [];
	const today = opts.today ?? todayInStockholm();
	return db
		.select({
			id: assessmentConclusions.id,
			roundId: assessmentRounds.id,
			roundName: assessmentRounds.name,
			unitId: units.id,
			unitName: units.name,
			summary: assessmentConclusions.summary,
			createdAt: assessmentConclusions.createdAt
		})
		.from(assessmentConclusions)
		.innerJoin(
			assessmentRounds,
			and(eq(assessmentRounds.id, assessmentConclusions.roundId), eq(assessmentRounds.organizerId, opts.organizerId))
		)
		.innerJoin(units, and(eq(units.id, assessmentConclusions.unitId), eq(units.organizerId, opts.organizerId)))
		.where(
			and(
				eq(assessmentConclusions.organizerId, opts.organizerId),
				inArray(assessmentConclusions.unitId, unitIds),
				or(isNotNull(assessmentRounds.closedAt), lt(assessmentRounds.closesOn, today))
			)
		)
		.orderBy(desc(assessmentConclusions.createdAt), desc(assessmentConclusions.id))
		.limit(opts.limit ?? 10);
}
