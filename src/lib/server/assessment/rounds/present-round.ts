import { getFramework } from '../framework/get-framework';
import type { Round } from './get-round';
import { roundStatus, type RoundStatus } from './round-status';

export type PresentedRound = {
	id: string;
	name: string;
	framework: string;
	frameworkTitle: { sv: string; en: string };
	frameworkVersion: string;
	perspectives: string[];
	opensOn: string;
	closesOn: string;
	closedAt: string | null;
	status: RoundStatus;
	anonymityThreshold: number;
	units: { id: string; name: string }[];
};

/** What a page may know about a round; units are named and in the given (tree) order. */
export async function presentRound(round: Round, unitNames: { id: string; name: string }[]): Promise<PresentedRound> {
	const fw = await getFramework(round.frameworkKey, round.frameworkVersion).catch(() => null);
	return {
		id: round.id,
		name: round.name,
		framework: `${round.frameworkKey}@${round.frameworkVersion}`,
		frameworkTitle: fw?.title ?? { sv: round.frameworkKey, en: round.frameworkKey },
		frameworkVersion: round.frameworkVersion,
		perspectives: round.perspectives,
		opensOn: round.opensOn,
		closesOn: round.closesOn,
		closedAt: round.closedAt ? round.closedAt.toISOString() : null,
		status: roundStatus(round),
		anonymityThreshold: round.anonymityThreshold,
		units: unitNames.filter((u) => round.unitIds.includes(u.id))
	};
}
