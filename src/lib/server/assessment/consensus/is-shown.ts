/**
 * Whether a group with `count` submitted responses may be shown under the round's anonymity
 * threshold k. Local copy of the rule in reports/suppress.ts (same contract) until that is on main.
 */
export function isShown(count: number, threshold: number): boolean {
	return count >= threshold;
}
