/**
 * The numbers and the arithmetic of key people's capacity (decision 043), kept pure so a unit spec pins them down.
 * Days are 'YYYY-MM-DD' in Swedish time; weeks start on Monday.
 */
import { formatDay, parseDay, weekday } from '../support/sla/days';
import { fromLocal, toLocal } from '../support/sla/zoned-time';

/** A case the person wrote in (reply, internal note, solution) with no time written down counts this much, once a week. */
export const CASE_ESTIMATE_MINUTES = 20;
/** An answer to a colleague question counts this much (accepted or not). */
export const ANSWER_ESTIMATE_MINUTES = 10;
/** How many whole weeks the page compares, the current week left out (it is not over). */
export const CAPACITY_WEEKS = 8;
/** Above this share of the allotment an assignment is overloaded… */
export const OVERLOADED_SHARE = 1.2;
/** …and below this share it is unused. */
export const UNUSED_SHARE = 0.4;
/** The most a week's allotment may be (a full-time week). */
export const MAX_HOURS_PER_WEEK = 40;
/** The most one case step may say it took. */
export const MAX_STEP_MINUTES = 600;
/** The handler steps that carry a time: where the person did the work. */
export const TIMED_KINDS = ['reply', 'note', 'solve'] as const;

const ZONE = 'Europe/Stockholm';

/** The Monday of the week an instant falls in, in Swedish time. */
export function mondayOfInstant(at: Date): string {
	const { day } = toLocal(ZONE, at.getTime());
	return formatDay(day - ((weekday(day) + 6) % 7));
}

/** The instant a Swedish day begins. */
export const startOfDay = (day: string): Date => new Date(fromLocal(ZONE, parseDay(day), 0));

/** The Mondays of the `count` whole weeks before the week of `now`, oldest first. */
export function pastWeeks(now: Date, count = CAPACITY_WEEKS): string[] {
	const thisMonday = parseDay(mondayOfInstant(now));
	return Array.from({ length: count }, (_, i) => formatDay(thisMonday - (count - i) * 7));
}

/** The Monday a week after `monday`. */
export const weekAfter = (monday: string): string => formatDay(parseDay(monday) + 7);

/** The part of an allotment that falls in the week of `monday`: a week in full, or by the days it holds (7 a week). */
export function allottedInWeek(a: { minutesPerWeek: number; validFrom: string; validTo: string | null }, monday: string): number {
	const first = parseDay(monday);
	const last = first + 6;
	const from = Math.max(first, parseDay(a.validFrom));
	const to = Math.min(last, a.validTo ? parseDay(a.validTo) : last);
	if (to < from) return 0;
	return Math.round((a.minutesPerWeek * (to - from + 1)) / 7);
}

/** overloaded | unused | within | none (no allotment in the period, so nothing to compare). */
export type CapacityFlag = 'overloaded' | 'unused' | 'within' | 'none';

/** The flag of spent against allotted minutes over the period. */
export function flagOf(allotted: number, spent: number): { share: number | null; flag: CapacityFlag } {
	if (allotted <= 0) return { share: null, flag: 'none' };
	const share = spent / allotted;
	return { share, flag: share > OVERLOADED_SHARE ? 'overloaded' : share < UNUSED_SHARE ? 'unused' : 'within' };
}

/** Hours as the form takes them: '4', '2,5', '1.25' (up to two decimals); null for anything else. */
export function parseHours(text: string): number | null {
	const t = text.trim();
	if (!/^\d{1,3}([.,]\d{1,2})?$/.test(t)) return null;
	return Number(t.replace(',', '.'));
}

/** Minutes a week as the form shows them back: '2,5' in Swedish, '2.5' in English. */
export const hoursText = (minutes: number, locale: 'sv' | 'en' = 'sv') => {
	const text = String(Math.round((minutes / 60) * 100) / 100);
	return locale === 'sv' ? text.replace('.', ',') : text;
};
