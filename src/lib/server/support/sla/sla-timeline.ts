/**
 * A case's event log as periods of constant state and line, and the one clock every SLA figure is read from:
 * working time summed over the periods a rule counts, with the moment a target ran out.
 */
import type { WorkingCalendar } from './working-calendar';
import { addWorkingMs, workingMsBetween } from './working-minutes';

export type SlaState = 'new' | 'in_progress' | 'waiting_requester' | 'waiting_supplier' | 'solved' | 'closed';
export type SlaLine = 1 | 2 | 3;

export type SlaEvent = {
	at: Date;
	by: 'requester' | 'handler' | 'system';
	public: boolean;
	/** Set when the event changed the state. */
	stateTo?: SlaState;
	/** Set when the event moved the case to another line (filing sets line 1). */
	lineTo?: SlaLine;
};

export type Period = { from: number; to: number; state: SlaState; line: SlaLine };

/** Which periods a clock counts. */
export type Accept = (p: Period) => boolean;

export const isOpen = (state: SlaState) => state !== 'solved' && state !== 'closed';
/** The general rule: time counts while the case is open and not waiting on the requester. */
export const isCounting: Accept = (p) => isOpen(p.state) && p.state !== 'waiting_requester';

/**
 * Periods from the filing to `now`; events after `now` are ignored. Throws RangeError when there are no
 * events or they are not in time order.
 */
export function buildPeriods(events: readonly SlaEvent[], now: number): Period[] {
	if (events.length === 0) throw new RangeError('A case has at least its filing event');
	const periods: Period[] = [];
	let state: SlaState = 'new';
	let line: SlaLine = 1;
	for (let i = 0; i < events.length; i++) {
		const from = events[i].at.getTime();
		if (from > now) break;
		state = events[i].stateTo ?? state;
		line = events[i].lineTo ?? line;
		const next = events[i + 1]?.at.getTime();
		if (next !== undefined && next < from) throw new RangeError('SLA events must be sorted by time');
		const to = Math.min(next ?? now, now);
		if (to > from) periods.push({ from, to, state, line });
	}
	return periods;
}

/** Working milliseconds of accepted periods within [from, to]. */
export function countedMs(cal: WorkingCalendar, periods: readonly Period[], from: number, to: number, accept: Accept): number {
	let total = 0;
	for (const p of periods) {
		if (p.to <= from || p.from >= to || !accept(p)) continue;
		total += workingMsBetween(cal, Math.max(p.from, from), Math.min(p.to, to));
	}
	return total;
}

/** The instant the accepted working time within [from, to] reaches `targetMs`, or null if it never does. */
export function momentReached(
	cal: WorkingCalendar,
	periods: readonly Period[],
	from: number,
	to: number,
	accept: Accept,
	targetMs: number
): number | null {
	let used = 0;
	for (const p of periods) {
		if (p.to <= from || p.from >= to || !accept(p)) continue;
		const start = Math.max(p.from, from);
		const ms = workingMsBetween(cal, start, Math.min(p.to, to));
		if (used + ms >= targetMs) return addWorkingMs(cal, start, targetMs - used);
		used += ms;
	}
	return null;
}

export type SlaStatus = 'met' | 'breached' | 'running' | 'at_risk' | 'paused';

/** A clock over [from, to]; `running` when it is still going at `to` (= now), `pausedNow` when it is not counting now. */
export type Clock = { from: number; to: number; running: boolean; pausedNow: boolean; accept: Accept };

export type ClockReading = { elapsedMs: number; status: SlaStatus; dueAt: number | null; breachedAt: number | null };

/** Share of the target after which a running clock is at risk. */
export const AT_RISK_SHARE = 0.8;

/**
 * Reads a clock against a target. A finished clock is breached when it used more than the target; a running
 * one as soon as it has used all of it. dueAt is null when finished or paused; for a breached running
 * clock it is the (past) breach moment.
 */
export function readClock(cal: WorkingCalendar, periods: readonly Period[], clock: Clock, targetMs: number): ClockReading {
	const elapsedMs = countedMs(cal, periods, clock.from, clock.to, clock.accept);
	const breached = clock.running ? elapsedMs >= targetMs : elapsedMs > targetMs;
	const breachedAt = breached ? momentReached(cal, periods, clock.from, clock.to, clock.accept, targetMs) : null;
	let status: SlaStatus;
	if (breached) status = 'breached';
	else if (!clock.running) status = 'met';
	else if (clock.pausedNow) status = 'paused';
	else if (elapsedMs >= AT_RISK_SHARE * targetMs) status = 'at_risk';
	else status = 'running';
	let dueAt: number | null = null;
	if (clock.running && !clock.pausedNow) {
		dueAt = breached ? breachedAt : addWorkingMs(cal, clock.to, targetMs - elapsedMs);
	}
	return { elapsedMs, status, dueAt, breachedAt };
}
