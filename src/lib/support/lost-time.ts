/**
 * Lost teaching time is one amount with the unit the person chose. It is stored once, in minutes, with
 * that unit, so sums never double count and a case shows the amount as it was typed (decision 035).
 */
export const LOST_TIME_UNITS = ['lesson', 'minute', 'hour'] as const;
export type LostTimeUnit = (typeof LOST_TIME_UNITS)[number];

/** One lesson counted as 60 minutes, the undervisningstimme that timetables and the school ordinance count in. */
export const LESSON_MINUTES = 60;

const MINUTES: Record<LostTimeUnit, number> = { lesson: LESSON_MINUTES, minute: 1, hour: 60 };

/** Minutes for an amount in a unit, rounded to whole minutes. */
export function lostMinutes(amount: number, unit: LostTimeUnit): number {
	return Math.round(amount * MINUTES[unit]);
}

/** The stored minutes back in the unit the person chose, with at most one decimal (90 minutes as hours: 1.5). */
export function lostAmount(minutes: number, unit: string): number {
	const per = MINUTES[unit as LostTimeUnit] ?? 1;
	return Math.round((minutes / per) * 10) / 10;
}

/** Minutes as lessons, with one decimal: the figure follow-up and planning sum. */
export function lessonsOf(minutes: number): number {
	return Math.round((minutes / LESSON_MINUTES) * 10) / 10;
}
