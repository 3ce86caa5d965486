import type { CellFigure } from '../../assessment/reports/stats';

/** A computed value and whether the anonymity rule hid it (a hidden value is never shown, not even as a number). */
export type ComputedValue = { value: number | null; suppressed: boolean };

/** A self-assessment mean level from a report cell: hidden cells stay hidden. */
export function meanOf(cell: CellFigure | null | undefined): ComputedValue {
	if (!cell) return { value: null, suppressed: false };
	if (!cell.shown) return { value: null, suppressed: cell.suppressed };
	return { value: cell.mean, suppressed: false };
}

/**
 * The share (0–1) of level answers at level 3 or above, from counts behind a report cell. Hidden when the
 * report hides that cell; null when nobody chose a level.
 */
export function shareAtLevel3(counts: { atLeast3: number; levels: number }, cellShown: boolean): ComputedValue {
	if (!cellShown) return { value: null, suppressed: counts.levels > 0 };
	return { value: counts.levels > 0 ? counts.atLeast3 / counts.levels : null, suppressed: false };
}

/** The support figures the indicators read (a subset of getSupportFigures' result). */
export type SupportFigureInput = {
	leadTimes: { lines: { line: number; median: number | null }[]; total: { median: number | null } };
	sla: { kind: string; compliance: number | null }[];
	units: { id: string | null; lessons: number }[];
	userErrorShare: number | null;
};

/** Median working time (hours) for cases that reached a line (0: the whole case). */
export function leadTimeHours(f: SupportFigureInput, line: number): number | null {
	const minutes = line === 0 ? f.leadTimes.total.median : (f.leadTimes.lines.find((l) => l.line === line)?.median ?? null);
	return minutes === null ? null : minutes / 60;
}

/** The share (0–1) of measured cases that kept an SLA target (first_response, feedback or resolution). */
export function slaCompliance(f: SupportFigureInput, kind: string): number | null {
	return f.sla.find((s) => s.kind === kind)?.compliance ?? null;
}

/**
 * Lessons lost (all lost time, counted in 60-minute lessons, decision 035) for a unit's figures (already limited to
 * the unit and the units under it): their sum; for the
 * whole organizer: the mean per unit with cases, so organizers of different sizes read alike.
 */
export function lostLessons(f: SupportFigureInput, scope: 'unit' | 'organizer'): number {
	const total = f.units.reduce((s, u) => s + u.lessons, 0);
	if (scope === 'unit') return total;
	return f.units.length ? total / f.units.length : 0;
}

/** The share (0–1) of cases with a cause set that were handhavandefel. */
export const userErrorShare = (f: SupportFigureInput): number | null => f.userErrorShare;
