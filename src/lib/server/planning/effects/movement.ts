import { isRealChange, type CellFigure } from '../../assessment/reports/stats';

/** Whether an indicator moved: "rörde sig", "rörde sig inte", or "för lite underlag". */
export type Movement = 'moved' | 'not_moved' | 'too_little';

/** Outside self-assessments, a change counts when it is at least this share of the baseline (decision 022). */
export const MOVED_SHARE = 0.1;

/**
 * A self-assessment indicator moved when the latest closed round differs from the round before it by more
 * than the noise, by the same rule as the progression (`isRealChange`). Too little: a round missing, or a
 * figure hidden or resting on fewer than two level answers.
 */
export function selfAssessmentMovement(before: CellFigure | null, after: CellFigure | null): Movement {
	if (!before?.shown || !after?.shown || before.mean === null || after.mean === null || before.n < 2 || after.n < 2) return 'too_little';
	return isRealChange(before, after) ? 'moved' : 'not_moved';
}

/**
 * Any other indicator moved when the latest value differs from the baseline by at least MOVED_SHARE of the
 * baseline (for a baseline of 0: by at least MOVED_SHARE in absolute terms). Too little: no baseline or no value yet.
 */
export function shareMovement(baseline: number | null, latest: number | null, share = MOVED_SHARE): Movement {
	if (baseline === null || latest === null || !Number.isFinite(baseline) || !Number.isFinite(latest)) return 'too_little';
	const needed = baseline === 0 ? share : Math.abs(baseline) * share;
	return Math.abs(latest - baseline) >= needed - 1e-9 ? 'moved' : 'not_moved';
}

/** A self-assessment share (0–1) counts as moved when it changed by at least this many points between rounds. */
export const MOVED_POINTS = 0.1;

/**
 * The share of answers at level 3 or above moved when it differs between the round before and the latest
 * closed round by at least MOVED_POINTS (ten percentage points). Too little: a round missing or hidden.
 */
export function pointsMovement(before: number | null, after: number | null, points = MOVED_POINTS): Movement {
	if (before === null || after === null) return 'too_little';
	return Math.abs(after - before) >= points - 1e-9 ? 'moved' : 'not_moved';
}
