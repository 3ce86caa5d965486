// Covers: stockholmInstant, stockholmDayTime, meetingMoveSchema.
import { describe, expect, it } from 'vitest';
import { meetingMoveSchema, stockholmDayTime, stockholmInstant } from './forum-input';

describe('a meeting’s day and time in Stockholm', () => {
	it('reads back the day and time it was entered as, in winter and in summer time', () => {
		for (const [day, time] of [
			['2026-01-15', '15:00'],
			['2026-07-01', '08:30'],
			['2026-03-29', '00:15'],
			['2026-12-31', '23:45']
		])
			expect(stockholmDayTime(stockholmInstant(day, time))).toEqual({ day, time });
		expect(stockholmInstant('2026-07-01', '08:30').toISOString()).toBe('2026-07-01T06:30:00.000Z');
	});

	it('refuses a move without a real day or time, beside each field', () => {
		const parsed = meetingMoveSchema.safeParse({ day: '2026-02-30', time: '24:00', place: 'Aulan' });
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['day', 'forums_error_day'],
			['time', 'forums_error_time']
		]);
	});
});
