import { and, count, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentResponses } from '../../db/schema';
import { authorize, can, type Actor } from '../../policies';
import type { Round } from './get-round';
import { loadUnitAccess } from './unit-access';
import { readTogether } from '../../db/read-together';

export type RateCell = { perspective: string; submitted: number; inProgress: number };
export type UnitRates = { unitId: string; unitName: string; perspectives: RateCell[]; submitted: number; inProgress: number };

/**
 * How many have submitted and how many have started, per unit × perspective of the round.
 * Only counts: never who answered. Organizer-wide readers and managers see every unit; others
 * only the units whose report they may read (the unit team). Optionally only some units.
 */
export async function findResponseRates(
	db: Db,
	{ actor, round, unitIds }: { actor: Actor | null; round: Round; unitIds?: string[] }
): Promise<UnitRates[]> {
	authorize(actor, 'organizer.member', { type: 'organizer', organizerId: round.organizerId });
	const access = await loadUnitAccess(db, round.organizerId);
	const org = { type: 'organizer' as const, organizerId: round.organizerId };
	const all = can(actor, 'assessment.manage', org) || can(actor, 'assessment.organizer_report', org);
	const visible = access
		.sort(round.unitIds)
		.filter((u) => (!unitIds || unitIds.includes(u)) && (all || can(actor, 'assessment.unit_report', access.resource(u))));
	if (!visible.length) return [];
	const counted = async (submitted: boolean) =>
		db
			.select({ unitId: assessmentResponses.unitId, perspective: assessmentResponses.perspective, n: count() })
			.from(assessmentResponses)
			.where(
				and(
					eq(assessmentResponses.organizerId, round.organizerId),
					eq(assessmentResponses.roundId, round.id),
					submitted ? isNotNull(assessmentResponses.submittedAt) : isNull(assessmentResponses.submittedAt)
				)
			)
			.groupBy(assessmentResponses.unitId, assessmentResponses.perspective);
	const [done, started] = await readTogether(db, [() => counted(true), () => counted(false)]);
	const find = (rows: { unitId: string; perspective: string; n: number }[], u: string, p: string) =>
		Number(rows.find((r) => r.unitId === u && r.perspective === p)?.n ?? 0);
	return visible.map((unitId) => {
		const perspectives = round.perspectives.map((p) => ({
			perspective: p,
			submitted: find(done, unitId, p),
			inProgress: find(started, unitId, p)
		}));
		return {
			unitId,
			unitName: access.byId.get(unitId)?.name ?? '',
			perspectives,
			submitted: perspectives.reduce((s, c) => s + c.submitted, 0),
			inProgress: perspectives.reduce((s, c) => s + c.inProgress, 0)
		};
	});
}
