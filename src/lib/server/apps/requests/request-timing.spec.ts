// Covers: requestDueAt, leadWorkingDays, requestStanding, requestFigures.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../../support/sla';
import { leadWorkingDays, requestDueAt, requestFigures, requestStanding } from './request-timing';

const cal = DEFAULT_CALENDAR;
/** Stockholm wall time in December (UTC+1). */
const at = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`);

describe('the 5-working-day target of a tool request', () => {
	it('is due five working days later, skipping the weekend and the Christmas holidays', () => {
		// Friday 18 December 10:00: Mon 21, Tue 22, Wed 23, then julafton, juldagen and the weekend, Mon 28, and Tue 29 10:00.
		expect(requestDueAt(cal, at('2026-12-18', '10:00'))).toEqual(at('2026-12-29', '10:00'));
		// An ordinary week: Monday 10:00 is due the next Monday 10:00.
		expect(requestDueAt(cal, at('2026-11-30', '10:00'))).toEqual(at('2026-12-07', '10:00'));
	});

	it('counts lead time in working days, so a weekend or a holiday adds nothing', () => {
		expect(leadWorkingDays(cal, at('2026-12-04', '10:00'), at('2026-12-07', '10:00'))).toBe(1);
		expect(leadWorkingDays(cal, at('2026-12-23', '10:00'), at('2026-12-28', '10:00'))).toBe(1);
		expect(leadWorkingDays(cal, at('2026-12-18', '10:00'), at('2026-12-29', '10:00'))).toBe(5);
	});

	it('tells a waiting request from an overdue one, and one decided in time from one decided late', () => {
		const dueAt = at('2026-12-07', '10:00');
		expect(requestStanding({ dueAt, decidedAt: null }, at('2026-12-07', '09:59'))).toBe('open');
		expect(requestStanding({ dueAt, decidedAt: null }, at('2026-12-07', '10:01'))).toBe('overdue');
		expect(requestStanding({ dueAt, decidedAt: at('2026-12-07', '10:00') }, at('2026-12-09', '10:00'))).toBe('decided_in_time');
		expect(requestStanding({ dueAt, decidedAt: at('2026-12-08', '08:00') }, at('2026-12-09', '10:00'))).toBe('decided_late');
	});

	it('sums up decided in time of all decided, the median lead time and the overdue among the waiting', () => {
		const filed = at('2026-11-30', '10:00');
		const dueAt = requestDueAt(cal, filed);
		const decidedAfter = (day: string) => ({ createdAt: filed, dueAt, decidedAt: at(day, '10:00') });
		const figures = requestFigures(
			cal,
			[decidedAfter('2026-12-01'), decidedAfter('2026-12-03'), decidedAfter('2026-12-09'), { createdAt: filed, dueAt, decidedAt: null }],
			at('2026-12-10', '10:00')
		);
		expect(figures).toEqual({ decided: 3, inTime: 2, medianDays: 3, waiting: 1, overdue: 1 });
		expect(requestFigures(cal, [], filed).medianDays).toBeNull();
	});
});
