// Covers: readTargetsSnapshot, summarizeSla.
import { describe, expect, it } from 'vitest';
import type { SlaFigure } from '../sla';
import { readTargetsSnapshot, summarizeSla } from './summarize-sla';

const fig = (o: Partial<SlaFigure>): SlaFigure => ({
	kind: 'resolution',
	target: 60,
	elapsed: 0,
	dueAt: null,
	status: 'running',
	breachedAt: null,
	...o
});

describe('summing up a case’s SLA', () => {
	it('takes the worst status and the nearest deadline of a running clock', () => {
		const s = summarizeSla(
			[
				fig({ kind: 'first_response', status: 'met' }),
				fig({ kind: 'feedback', status: 'running', dueAt: new Date('2026-11-20T10:00:00Z') }),
				fig({ kind: 'line', line: 2, status: 'at_risk', dueAt: new Date('2026-11-19T10:00:00Z') })
			],
			true
		);
		expect(s).toEqual({ status: 'at_risk', dueAt: new Date('2026-11-19T10:00:00Z'), overdueSince: null, breaches: [] });
	});

	it('says since when an open case is overdue: the earliest clock still running past its target', () => {
		const early = new Date('2026-11-16T08:00:00Z');
		const late = new Date('2026-11-17T08:00:00Z');
		const figures = [
			fig({ kind: 'first_response', status: 'breached', breachedAt: new Date('2026-11-15T08:00:00Z') }),
			fig({ kind: 'resolution', status: 'breached', breachedAt: late, dueAt: late }),
			fig({ kind: 'line', line: 2, status: 'breached', breachedAt: early, dueAt: early }),
			fig({ kind: 'feedback', status: 'running', dueAt: new Date('2026-11-20T10:00:00Z') })
		];
		expect(summarizeSla(figures, true).overdueSince).toEqual(early);
		expect(summarizeSla(figures, true).dueAt).toEqual(new Date('2026-11-20T10:00:00Z'));
		expect(summarizeSla(figures, false).overdueSince).toBeNull();
		expect(summarizeSla([figures[0]], true).overdueSince).toBeNull();
	});

	it('lists one breach per breached figure, with line 0 for the whole case', () => {
		const at = new Date('2026-11-16T08:00:00Z');
		const s = summarizeSla(
			[
				fig({ kind: 'first_response', status: 'breached', breachedAt: at }),
				fig({ kind: 'line', line: 3, status: 'breached', breachedAt: at })
			],
			false
		);
		expect(s.status).toBe('breached');
		expect(s.breaches).toEqual([
			{ kind: 'first_response', line: 0, breachedAt: at },
			{ kind: 'line', line: 3, breachedAt: at }
		]);
	});

	it('calls a case without targets running while open and met once done', () => {
		expect(summarizeSla([], true).status).toBe('running');
		expect(summarizeSla([], false).status).toBe('met');
	});

	it('reads the stored snapshot, JSON line keys included, and drops what is not a number', () => {
		expect(readTargetsSnapshot({ firstResponse: 60, feedback: 'x', perLine: { '2': 960, '3': -1 } })).toEqual({
			firstResponse: 60,
			perLine: { 2: 960 }
		});
		expect(readTargetsSnapshot(null)).toEqual({});
	});
});
