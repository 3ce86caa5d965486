import { AppError } from '../../errors';
import { answerPerspectives, can, type Actor } from '../../policies';
import type { UnitResource } from './unit-access';

export type PartInRoundOptions = {
	actor: Actor | null;
	organizerId: string;
	round: { perspectives: string[]; unitIds: string[] };
	/** The unit as a policy resource (with its parents), from loadUnitAccess. */
	resource: (unitId: string) => UnitResource;
};

/**
 * Whether the actor has a part in a round: they manage rounds or read the organizer report, or at one
 * of the round's units they read the unit report or answer from one of the round's perspectives. The
 * round list shows exactly these rounds and the round page opens for exactly these people, so a
 * guardian, a supplier or a pupil outside the round gets nothing by typing its address.
 */
export function hasPartInRound({ actor, organizerId, round, resource }: PartInRoundOptions): boolean {
	const org = { type: 'organizer' as const, organizerId };
	if (can(actor, 'assessment.manage', org) || can(actor, 'assessment.organizer_report', org)) return true;
	return round.unitIds.some((u) => {
		const res = resource(u);
		return can(actor, 'assessment.unit_report', res) || answerPerspectives(actor, res).some((p) => round.perspectives.includes(p));
	});
}

/** FORBIDDEN unless the actor has a part in the round (see hasPartInRound). */
export function requirePartInRound(opts: PartInRoundOptions): void {
	if (!hasPartInRound(opts)) throw new AppError('FORBIDDEN', 'round');
}
