import { parseClock, workingMinutesBetween, type WorkingCalendar } from '../../support/sla';
import { workingDaysAfter } from '../../support/notify/remind-or-close-ticket';
import { percentiles } from '../../support/followup/school-years';

/** The target: a request is decided within this many working days of being filed (issue 18 item 4). */
export const REQUEST_TARGET_DAYS = 5;

/** Where a request stands against its target: waiting (in time or overdue), or decided (in time or late). */
export type RequestStanding = 'open' | 'overdue' | 'decided_in_time' | 'decided_late';

/** When a request filed at `filedAt` must be decided: five working days later on the organizer's calendar. */
export function requestDueAt(cal: WorkingCalendar, filedAt: Date): Date {
	return workingDaysAfter(cal, filedAt, REQUEST_TARGET_DAYS);
}

/** Working days (a working day = its opening hours, as the support chain counts) between filing and deciding. */
export function leadWorkingDays(cal: WorkingCalendar, from: Date, to: Date): number {
	const dayMinutes = parseClock(cal.workdayEnd) - parseClock(cal.workdayStart);
	return workingMinutesBetween(cal, from, to) / dayMinutes;
}

/** A request's standing at `now`. */
export function requestStanding(r: { dueAt: Date; decidedAt: Date | null }, now: Date): RequestStanding {
	if (r.decidedAt) return r.decidedAt <= r.dueAt ? 'decided_in_time' : 'decided_late';
	return now > r.dueAt ? 'overdue' : 'open';
}

/**
 * The follow-up figure: of the decided requests, how many were decided in time, and the median lead time in working
 * days (one decimal); how many wait, and how many of those are past their target.
 */
export function requestFigures(cal: WorkingCalendar, rows: { createdAt: Date; dueAt: Date; decidedAt: Date | null }[], now: Date) {
	const decided = rows.filter((r) => r.decidedAt);
	const { median } = percentiles(decided.map((r) => leadWorkingDays(cal, r.createdAt, r.decidedAt!)));
	return {
		decided: decided.length,
		inTime: decided.filter((r) => r.decidedAt! <= r.dueAt).length,
		medianDays: median === null ? null : Math.round(median * 10) / 10,
		waiting: rows.length - decided.length,
		overdue: rows.filter((r) => !r.decidedAt && now > r.dueAt).length
	};
}
