/** The values a consensus (or answer) form sends: a level or a special answer. */
export const CONSENSUS_VALUES = ['1', '2', '3', '4', 'dont_know', 'not_applicable'] as const;
export type ConsensusValue = (typeof CONSENSUS_VALUES)[number];

/** A stored level/special pair as one form value; null when nothing is stored. */
export function toConsensusValue(row: { level: number | null; special: string | null } | null | undefined): ConsensusValue | null {
	if (!row) return null;
	if (row.level !== null) return String(row.level) as ConsensusValue;
	return (row.special as ConsensusValue | null) ?? null;
}
