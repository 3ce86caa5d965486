// Covers: computeSla, leadTimeByLine.
import { describe, expect, it } from 'vitest';
import { computeSla, type SlaEvent, type SlaFigure, type SlaTargets } from './compute-sla';
import { leadTimeByLine } from './lead-time-by-line';
import { DEFAULT_CALENDAR } from './working-calendar';

const cal = DEFAULT_CALENDAR;
/** Stockholm wall time in March 2025 (CET, +01:00): Mon 10, Tue 11, Wed 12, Thu 13, Fri 14, Mon 17. */
const cet = (s: string) => new Date(`${s.replace(' ', 'T')}+01:00`);
/** Stockholm wall time in summer (CEST, +02:00). */
const cest = (s: string) => new Date(`${s.replace(' ', 'T')}+02:00`);

const filed = (at: Date): SlaEvent => ({ at, by: 'requester', public: true, stateTo: 'new', lineTo: 1 });
const reply = (at: Date, change: Partial<SlaEvent> = {}): SlaEvent => ({ at, by: 'handler', public: true, ...change });
const note = (at: Date, change: Partial<SlaEvent> = {}): SlaEvent => ({ at, by: 'handler', public: false, ...change });
const fromRequester = (at: Date, change: Partial<SlaEvent> = {}): SlaEvent => ({ at, by: 'requester', public: true, ...change });

function one(events: SlaEvent[], targets: SlaTargets, now: Date, kind: SlaFigure['kind'] = 'resolution'): SlaFigure {
	const found = computeSla(cal, events, targets, now).find((f) => f.kind === kind);
	if (!found) throw new Error(`no ${kind} figure`);
	return found;
}

describe('first response', () => {
	it('is met by the first public reply from a handler within the target', () => {
		const events = [filed(cet('2025-03-10 09:00')), note(cet('2025-03-10 09:30')), reply(cet('2025-03-10 10:00'))];
		const f = one(events, { firstResponse: 120 }, cet('2025-03-12 12:00'), 'first_response');
		expect(f).toEqual({ kind: 'first_response', target: 120, elapsed: 60, dueAt: null, status: 'met', breachedAt: null });
	});

	it('is at risk from 80 % of the target and due when the target runs out', () => {
		const f = one([filed(cet('2025-03-10 09:00'))], { firstResponse: 120 }, cet('2025-03-10 10:40'), 'first_response');
		expect(f).toMatchObject({ elapsed: 100, status: 'at_risk', dueAt: cet('2025-03-10 11:00'), breachedAt: null });
	});

	it('records the exact breach moment, counting only working time: filed Friday 15:00 with four hours', () => {
		const f = one([filed(cet('2025-03-14 15:00'))], { firstResponse: 240 }, cet('2025-03-18 12:00'), 'first_response');
		expect(f).toMatchObject({ elapsed: 120 + 540 + 240, status: 'breached', breachedAt: cet('2025-03-17 10:00') });
		expect(f.dueAt).toEqual(cet('2025-03-17 10:00'));
	});
});

describe('pauses', () => {
	const events = [
		filed(cet('2025-03-10 09:00')),
		reply(cet('2025-03-10 10:00'), { stateTo: 'waiting_requester' }),
		fromRequester(cet('2025-03-12 10:00'), { stateTo: 'in_progress' })
	];

	it('stops every clock while the case waits on the requester', () => {
		const f = one(events, { resolution: 600 }, cet('2025-03-12 12:00'));
		expect(f).toMatchObject({ elapsed: 60 + 120, status: 'running', dueAt: cet('2025-03-13 10:00'), breachedAt: null });
	});

	it('shows a paused clock with no due time while the wait lasts', () => {
		const f = one(events, { resolution: 600 }, cet('2025-03-11 11:00'));
		expect(f).toMatchObject({ elapsed: 60, status: 'paused', dueAt: null });
	});

	it('keeps counting while the case waits on a supplier', () => {
		const supplier = [
			filed(cet('2025-03-10 09:00')),
			note(cet('2025-03-10 10:00'), { stateTo: 'waiting_supplier' }),
			reply(cet('2025-03-12 10:00'), { stateTo: 'in_progress' })
		];
		const f = one(supplier, { resolution: 600 }, cet('2025-03-12 12:00'));
		expect(f).toMatchObject({ elapsed: 480 + 540 + 240, status: 'breached', breachedAt: cet('2025-03-11 10:00') });
	});
});

describe('resolution', () => {
	it('skips midsommarafton: filed Thursday 15:00, solved Monday 14:00', () => {
		const events = [filed(cest('2025-06-19 15:00')), reply(cest('2025-06-23 14:00'), { stateTo: 'solved' })];
		const now = cest('2025-06-30 12:00');
		expect(one(events, { resolution: 540 }, now)).toMatchObject({ elapsed: 480, status: 'met', dueAt: null, breachedAt: null });
		expect(one(events, { resolution: 240 }, now)).toMatchObject({ status: 'breached', breachedAt: cest('2025-06-23 10:00') });
	});

	it('counts again after a reopen, adding to the time used before', () => {
		const events = [
			filed(cet('2025-03-10 09:00')),
			reply(cet('2025-03-10 11:00'), { stateTo: 'solved' }),
			fromRequester(cet('2025-03-11 09:00'), { stateTo: 'in_progress' }),
			reply(cet('2025-03-11 10:30'), { stateTo: 'solved' })
		];
		const now = cet('2025-03-14 09:00');
		expect(one(events, { resolution: 240 }, now)).toMatchObject({ elapsed: 210, status: 'met' });
		expect(one(events, { resolution: 180 }, now)).toMatchObject({ status: 'breached', breachedAt: cet('2025-03-11 10:00') });
		expect(one(events.slice(0, 3), { resolution: 240 }, cet('2025-03-11 09:30'))).toMatchObject({ elapsed: 150, status: 'running' });
	});

	it('treats closed as solved', () => {
		const events = [filed(cet('2025-03-10 09:00')), fromRequester(cet('2025-03-10 09:45'), { stateTo: 'closed' })];
		const figures = computeSla(cal, events, { firstResponse: 60, resolution: 60 }, cet('2025-03-20 09:00'));
		expect(figures.map((f) => [f.kind, f.elapsed, f.status])).toEqual([
			['first_response', 45, 'met'],
			['resolution', 45, 'met']
		]);
	});
});

describe('feedback', () => {
	const events = [
		filed(cet('2025-03-10 09:00')),
		reply(cet('2025-03-10 10:00')),
		note(cet('2025-03-11 09:00')),
		reply(cet('2025-03-12 15:00'))
	];
	const now = cet('2025-03-13 09:00');

	it('measures the longest stretch without a public handler event and runs the current one', () => {
		const f = one(events, { feedback: 3 * 540 }, now, 'feedback'); // "återkoppling inom 3 arbetsdagar"
		expect(f).toMatchObject({ elapsed: 420 + 540 + 420, status: 'running', breachedAt: null, dueAt: cet('2025-03-17 15:00') });
	});

	it('stays breached after a late reply, while dueAt follows the current stretch', () => {
		const f = one(events, { feedback: 540 }, now, 'feedback');
		expect(f).toMatchObject({ status: 'breached', breachedAt: cet('2025-03-11 10:00'), dueAt: cet('2025-03-13 15:00') });
	});

	it('starts a new stretch when the requester reopens the case', () => {
		const reopened = [
			filed(cet('2025-03-10 09:00')),
			reply(cet('2025-03-10 11:00'), { stateTo: 'solved' }),
			fromRequester(cet('2025-03-12 09:00'), { stateTo: 'in_progress' })
		];
		const f = one(reopened, { feedback: 540 }, cet('2025-03-12 12:00'), 'feedback');
		expect(f).toMatchObject({ elapsed: 180, status: 'running', dueAt: cet('2025-03-13 09:00') });
	});
});

describe('lines', () => {
	const events = [
		filed(cet('2025-03-10 09:00')),
		reply(cet('2025-03-10 11:00'), { lineTo: 2 }),
		note(cet('2025-03-11 09:00'), { lineTo: 3, stateTo: 'waiting_supplier' }),
		reply(cet('2025-03-12 10:00'), { stateTo: 'solved' })
	];
	const now = cet('2025-03-14 12:00');

	it('compares the working time spent at each line with its own target', () => {
		const figures = computeSla(cal, events, { perLine: { 1: 240, 2: 480, 3: 480 } }, now);
		expect(figures.map((f) => [f.line, f.elapsed, f.status, f.breachedAt])).toEqual([
			[1, 120, 'met', null],
			[2, 420, 'met', null],
			[3, 600, 'breached', cet('2025-03-11 17:00')]
		]);
	});

	it('adds up the visits when a case is sent back down, and lists only lines the case reached', () => {
		const back = [...events.slice(0, 2), note(cet('2025-03-10 15:00'), { lineTo: 1 })];
		const figures = computeSla(cal, back, { perLine: { 1: 240, 2: 480, 3: 480 } }, cet('2025-03-11 09:00'));
		expect(figures.map((f) => [f.line, f.elapsed, f.status])).toEqual([
			[1, 120 + 120 + 60, 'breached'],
			[2, 240, 'met']
		]);
	});

	it('gives the lead time per line for the follow-up report', () => {
		expect(leadTimeByLine(cal, events, now)).toEqual({ 1: 120, 2: 420, 3: 600 });
	});

	it('leaves out time waiting on the requester unless asked to count it', () => {
		const waiting = [filed(cet('2025-03-10 09:00')), reply(cet('2025-03-10 10:00'), { stateTo: 'waiting_requester' })];
		expect(leadTimeByLine(cal, waiting, cet('2025-03-10 12:00'))).toEqual({ 1: 60, 2: 0, 3: 0 });
		expect(leadTimeByLine(cal, waiting, cet('2025-03-10 12:00'), { countPaused: true })).toEqual({ 1: 180, 2: 0, 3: 0 });
	});
});

describe('targets and events', () => {
	const events = [filed(cet('2025-03-10 09:00')), reply(cet('2025-03-11 09:00')), reply(cet('2025-03-12 09:00'), { stateTo: 'solved' })];
	const now = cet('2025-03-20 09:00');

	it('changing a target changes only the comparison, not the measured time', () => {
		const strict = computeSla(cal, events, { firstResponse: 60, feedback: 60, resolution: 60 }, now);
		const lenient = computeSla(cal, events, { firstResponse: 6000, feedback: 6000, resolution: 6000 }, now);
		expect(strict.map((f) => f.elapsed)).toEqual(lenient.map((f) => f.elapsed));
		expect(strict.map((f) => f.status)).toEqual(['breached', 'breached', 'breached']);
		expect(lenient.map((f) => f.status)).toEqual(['met', 'met', 'met']);
	});

	it('gives no figure for a target that is not set', () => {
		expect(computeSla(cal, events, {}, now)).toEqual([]);
	});

	it('ignores events after now', () => {
		const f = one(events, { resolution: 6000 }, cet('2025-03-10 12:00'));
		expect(f).toMatchObject({ elapsed: 180, status: 'running' });
	});

	it('refuses an empty log and events out of order', () => {
		expect(() => computeSla(cal, [], { resolution: 60 }, now)).toThrow(RangeError);
		expect(() => computeSla(cal, [events[0], events[2], events[1]], { resolution: 60 }, now)).toThrow(RangeError);
	});

	it('computes five thousand cases quickly', () => {
		const started = performance.now();
		for (let i = 0; i < 5000; i++) {
			const shift = (d: Date) => new Date(d.getTime() + (i % 500) * 3_600_000);
			const log = [
				filed(shift(cet('2025-01-10 09:00'))),
				reply(shift(cet('2025-01-10 11:00')), { lineTo: 2 }),
				reply(shift(cet('2025-01-20 11:00')), { stateTo: 'solved' })
			];
			computeSla(cal, log, { firstResponse: 240, feedback: 1620, resolution: 2700, perLine: { 1: 480, 2: 2000 } }, cet('2025-04-01 09:00'));
		}
		expect(performance.now() - started).toBeLessThan(3000);
	});
});
