import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentRoundUnits, assessmentRounds } from '../../db/schema';
import { authorize, can, type Actor } from '../../policies';
import { hasPartInRound } from './part-in-round';
import { roundStatus, type RoundStatus } from './round-status';
import { loadUnitAccess } from './unit-access';

export type FindRoundsOptions = { actor: Actor | null; organizerId: string };

export type RoundListRow = {
	id: string;
	name: string;
	frameworkKey: string;
	frameworkVersion: string;
	opensOn: string;
	closesOn: string;
	status: RoundStatus;
	unitCount: number;
};

/**
 * The organizer's rounds the actor has a part in, newest first: all of them for those who
 * manage rounds or read organizer reports; otherwise the rounds with a unit the actor may
 * answer for (in one of the round's perspectives) or read the unit report of.
 */
export async function findRounds(db: Db, { actor, organizerId }: FindRoundsOptions): Promise<RoundListRow[]> {
	authorize(actor, 'organizer.member', { type: 'organizer', organizerId });
	const org = { type: 'organizer' as const, organizerId };
	const all = can(actor, 'assessment.manage', org) || can(actor, 'assessment.organizer_report', org);
	const rounds = await db
		.select()
		.from(assessmentRounds)
		.where(eq(assessmentRounds.organizerId, organizerId))
		.orderBy(desc(assessmentRounds.opensOn), desc(assessmentRounds.createdAt));
	if (!rounds.length) return [];
	const links = await db
		.select({ roundId: assessmentRoundUnits.roundId, unitId: assessmentRoundUnits.unitId })
		.from(assessmentRoundUnits)
		.where(
			and(
				eq(assessmentRoundUnits.organizerId, organizerId),
				inArray(
					assessmentRoundUnits.roundId,
					rounds.map((r) => r.id)
				)
			)
		);
	const access = all ? null : await loadUnitAccess(db, organizerId);
	return rounds.flatMap((r) => {
		const unitIds = links.filter((l) => l.roundId === r.id).map((l) => l.unitId);
		const mine =
			!access || hasPartInRound({ actor, organizerId, round: { perspectives: r.perspectives, unitIds }, resource: access.resource });
		if (!mine) return [];
		return [
			{
				id: r.id,
				name: r.name,
				frameworkKey: r.frameworkKey,
				frameworkVersion: r.frameworkVersion,
				opensOn: r.opensOn,
				closesOn: r.closesOn,
				status: roundStatus(r),
				unitCount: unitIds.length
			}
		];
	});
}
