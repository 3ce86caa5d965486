// Covers: calendarDays, poolCalendar, isOverdue.
import { describe, expect, it } from 'vitest';
import { calendarDays, isOverdue, poolCalendar } from './pool-calendar';

describe('the pool calendar', () => {
	it('counts days across a month end', () => {
		expect(calendarDays('2026-11-29', 4)).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
	});

	it('marks each device on the days of its live bookings, both ends included', () => {
		const days = calendarDays('2026-12-01', 5);
		const rows = poolCalendar(
			days,
			['a', 'b', 'c'],
			[
				{ id: 'b1', startsOn: '2026-12-02', endsOn: '2026-12-03', status: 'booked', deviceIds: ['a', 'b'] },
				{ id: 'b2', startsOn: '2026-11-20', endsOn: '2026-12-01', status: 'picked_up', deviceIds: ['b'] },
				{ id: 'b3', startsOn: '2026-12-04', endsOn: '2026-12-09', status: 'cancelled', deviceIds: ['c'] },
				{ id: 'b4', startsOn: '2026-12-05', endsOn: '2026-12-05', status: 'returned', deviceIds: ['a'] }
			]
		);
		expect(rows.get('a')).toEqual([null, 'b1', 'b1', null, null]);
		expect(rows.get('b')).toEqual(['b2', 'b1', 'b1', null, null]);
		expect(rows.get('c')).toEqual([null, null, null, null, null]);
	});

	it('calls a picked-up booking late only after its last day', () => {
		expect(isOverdue({ status: 'picked_up', endsOn: '2026-12-03' }, '2026-12-03')).toBe(false);
		expect(isOverdue({ status: 'picked_up', endsOn: '2026-12-03' }, '2026-12-04')).toBe(true);
		expect(isOverdue({ status: 'returned', endsOn: '2026-12-03' }, '2026-12-09')).toBe(false);
	});
});
