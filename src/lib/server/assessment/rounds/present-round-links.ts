import { answerPerspectives, can, type Actor } from '../../policies';
import type { RoundStatus } from './round-status';
import type { UnitResource } from './unit-access';

/** Which of a unit's pages in a round the actor may open from the round page. */
export type RoundUnitLinks = {
	unitId: string;
	unitName: string;
	/** The answer page: the round is open and the actor answers from one of its perspectives there. */
	answer: boolean;
	/** The consensus page: the unit's team, once the round has opened. */
	consensus: boolean;
	unitReport: boolean;
	/** "Ni sa – vi gör" for the unit. */
	results: boolean;
};

/**
 * The links the round page shows: per unit only the pages the actor may open (by the same
 * policies the pages check), and the organizer report for its readers. Units with no link are
 * left out. `resultUnitIds` are the units whose "Ni sa – vi gör" the actor may read.
 */
export function presentRoundLinks(opts: {
	actor: Actor;
	organizerId: string;
	status: RoundStatus;
	perspectives: string[];
	units: { id: string; name: string }[];
	resource: (unitId: string) => UnitResource;
	resultUnitIds: Set<string>;
}): { organizerReport: boolean; units: RoundUnitLinks[] } {
	const { actor, status } = opts;
	const units = opts.units
		.map((u) => {
			const res = opts.resource(u.id);
			return {
				unitId: u.id,
				unitName: u.name,
				answer: status === 'open' && answerPerspectives(actor, res).some((p) => opts.perspectives.includes(p)),
				consensus: status !== 'upcoming' && can(actor, 'assessment.consensus', res),
				unitReport: can(actor, 'assessment.unit_report', res),
				results: opts.resultUnitIds.has(u.id)
			};
		})
		.filter((u) => u.answer || u.consensus || u.unitReport || u.results);
	return { organizerReport: can(actor, 'assessment.organizer_report', { type: 'organizer', organizerId: opts.organizerId }), units };
}
