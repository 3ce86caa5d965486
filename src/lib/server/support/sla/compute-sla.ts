/**
 * SLA figures of one case, computed from its event log alone, so changing a target changes only the
 * comparison, never the history. Our rules:
 *
 * - Time counts only in working time of the organizer's calendar (see working-calendar.ts).
 * - Every clock is PAUSED while the state is `waiting_requester`, and NOT paused while `waiting_supplier`
 *   (the supplier is the chain's responsibility). No clock counts while the case is `solved` or `closed`.
 * - First response: from the filing to the first public event by a handler after the filing. It also
 *   stops if the case is solved or closed before that (met if within the target).
 * - Feedback: the longest stretch the requester goes without a public handler event while the case is
 *   open. A stretch starts at the filing, at each public handler event and at each reopen, and ends at the
 *   next such event or now. Breached if any stretch went over the target; dueAt is the current stretch's.
 * - Resolution: working time from the filing until the case is solved (`closed` counts as solved). A
 *   reopen starts the clock again, adding to what was used before, until the next solve.
 * - Line (OLA): working time the case spent at each line (from `lineTo = L` until it leaves L or is
 *   solved), summed over every visit, compared with `perLine[L]`. Only lines the case reached are listed.
 * - Status: `met` / `breached` once a clock has stopped; while it runs `breached` as soon as the target is
 *   used up, else `paused`, else `at_risk` from 80 % of the target, else `running`. `breachedAt` is the
 *   instant the target ran out, pauses respected. `dueAt` is null while paused or stopped.
 */
import {
	buildPeriods,
	isCounting,
	isOpen,
	readClock,
	type Accept,
	type Period,
	type SlaEvent,
	type SlaLine,
	type SlaState,
	type SlaStatus
} from './sla-timeline';
import type { WorkingCalendar } from './working-calendar';

export type { SlaEvent, SlaLine, SlaState, SlaStatus } from './sla-timeline';

/** Targets in working minutes; a missing target gives no figure. */
export type SlaTargets = {
	firstResponse?: number;
	feedback?: number;
	resolution?: number;
	/** OLA: working minutes a case may spend at a line. */
	perLine?: Partial<Record<SlaLine, number>>;
};

export type SlaKind = 'first_response' | 'feedback' | 'resolution' | 'line';

export type SlaFigure = {
	kind: SlaKind;
	/** Set for kind 'line'. */
	line?: SlaLine;
	/** Working minutes. */
	target: number;
	/** Working minutes used (for feedback: the longest stretch). May be fractional. */
	elapsed: number;
	/** When the target runs out if nothing changes; null while paused or stopped. */
	dueAt: Date | null;
	status: SlaStatus;
	/** The instant the target ran out, or null if it has not. */
	breachedAt: Date | null;
};

const MS_PER_MINUTE = 60_000;
const LINES: SlaLine[] = [1, 2, 3];

type CaseLog = { periods: Period[]; filed: number; now: number; state: SlaState; line: SlaLine; events: SlaEvent[] };

function readLog(events: readonly SlaEvent[], now: Date): CaseLog {
	const filed = events[0]?.at.getTime();
	const nowMs = Math.max(now.getTime(), filed ?? 0);
	const periods = buildPeriods(events, nowMs);
	const seen = events.filter((e) => e.at.getTime() <= nowMs);
	let state: SlaState = 'new';
	let line: SlaLine = 1;
	for (const e of seen) {
		state = e.stateTo ?? state;
		line = e.lineTo ?? line;
	}
	return { periods, filed, now: nowMs, state, line, events: seen };
}

function figure(kind: SlaKind, target: number, r: ReturnType<typeof readClock>, line?: SlaLine): SlaFigure {
	return {
		kind,
		...(line ? { line } : {}),
		target,
		elapsed: r.elapsedMs / MS_PER_MINUTE,
		dueAt: r.dueAt === null ? null : new Date(r.dueAt),
		status: r.status,
		breachedAt: r.breachedAt === null ? null : new Date(r.breachedAt)
	};
}

const isPublicHandler = (e: SlaEvent) => e.by === 'handler' && e.public;

/** Indexes of events that reopened a solved or closed case. */
function reopenings(events: readonly SlaEvent[]): Set<number> {
	const found = new Set<number>();
	let state: SlaState = 'new';
	events.forEach((e, i) => {
		if (e.stateTo && !isOpen(state) && isOpen(e.stateTo)) found.add(i);
		state = e.stateTo ?? state;
	});
	return found;
}

function firstResponse(cal: WorkingCalendar, log: CaseLog, targetMs: number) {
	const end = log.events.find((e, i) => i > 0 && (isPublicHandler(e) || (e.stateTo && !isOpen(e.stateTo))));
	const to = end ? end.at.getTime() : log.now;
	const running = !end;
	return readClock(
		cal,
		log.periods,
		{ from: log.filed, to, running, pausedNow: log.state === 'waiting_requester', accept: isCounting },
		targetMs
	);
}

function feedback(cal: WorkingCalendar, log: CaseLog, targetMs: number) {
	const reopened = reopenings(log.events);
	const starts = [log.filed];
	log.events.forEach((e, i) => {
		if (i > 0 && (isPublicHandler(e) || reopened.has(i))) starts.push(e.at.getTime());
	});
	const readings = starts.map((from, i) => {
		const last = i === starts.length - 1;
		const running = last && isOpen(log.state);
		const clock = { from, to: last ? log.now : starts[i + 1], running, pausedNow: log.state === 'waiting_requester', accept: isCounting };
		return readClock(cal, log.periods, clock, targetMs);
	});
	const current = readings[readings.length - 1];
	const earlier = readings.find((r) => r.breachedAt !== null);
	return {
		elapsedMs: Math.max(...readings.map((r) => r.elapsedMs)),
		status: earlier ? ('breached' as const) : current.status,
		dueAt: current.dueAt,
		breachedAt: earlier?.breachedAt ?? null
	};
}

function clockFromFiling(cal: WorkingCalendar, log: CaseLog, targetMs: number, accept: Accept, running: boolean) {
	const clock = { from: log.filed, to: log.now, running, pausedNow: log.state === 'waiting_requester', accept };
	return readClock(cal, log.periods, clock, targetMs);
}

/**
 * The SLA figures of a case: one per target given, plus one per line the case reached that has a
 * per-line target. `events` are sorted, the first being the filing (stateTo 'new', lineTo 1).
 */
export function computeSla(cal: WorkingCalendar, events: readonly SlaEvent[], targets: SlaTargets, now: Date): SlaFigure[] {
	const log = readLog(events, now);
	const ms = (minutes: number) => minutes * MS_PER_MINUTE;
	const figures: SlaFigure[] = [];
	if (targets.firstResponse !== undefined) {
		figures.push(figure('first_response', targets.firstResponse, firstResponse(cal, log, ms(targets.firstResponse))));
	}
	if (targets.feedback !== undefined) {
		figures.push(figure('feedback', targets.feedback, feedback(cal, log, ms(targets.feedback))));
	}
	if (targets.resolution !== undefined) {
		const r = clockFromFiling(cal, log, ms(targets.resolution), isCounting, isOpen(log.state));
		figures.push(figure('resolution', targets.resolution, r));
	}
	const reached = new Set([...log.periods.map((p) => p.line), log.line]);
	for (const line of LINES) {
		const target = targets.perLine?.[line];
		if (target === undefined || !reached.has(line)) continue;
		const accept: Accept = (p) => isCounting(p) && p.line === line;
		const r = clockFromFiling(cal, log, ms(target), accept, isOpen(log.state) && log.line === line);
		figures.push(figure('line', target, r, line));
	}
	return figures;
}
