// Covers: formatDuration, parseDuration, workdayMinutes.
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration, workdayMinutes } from './sla-duration';

const day = workdayMinutes('08:00', '17:00');

describe('reading SLA targets typed in working hours or days', () => {
	it('counts a working day as the organizer’s working hours', () => {
		expect(day).toBe(540);
		expect(parseDuration('3 d', day)).toEqual({ ok: true, minutes: 1620 });
		expect(parseDuration('3 dagar', day)).toEqual({ ok: true, minutes: 1620 });
		expect(parseDuration('1 day', workdayMinutes('07:30', '16:00'))).toEqual({ ok: true, minutes: 510 });
	});

	it('reads hours with a decimal comma or point and several spellings', () => {
		expect(parseDuration('4 t', day)).toEqual({ ok: true, minutes: 240 });
		expect(parseDuration('2,5t', day)).toEqual({ ok: true, minutes: 150 });
		expect(parseDuration(' 1.5 h ', day)).toEqual({ ok: true, minutes: 90 });
		expect(parseDuration('8 timmar', day)).toEqual({ ok: true, minutes: 480 });
	});

	it('treats an empty cell as no target', () => {
		expect(parseDuration('  ', day)).toEqual({ ok: true, minutes: null });
	});

	it('refuses a number without a unit, nonsense, zero and more than a school year', () => {
		expect(parseDuration('3', day)).toEqual({ ok: false, message: 'supportadmin_error_duration_unit' });
		expect(parseDuration('tre dagar', day)).toEqual({ ok: false, message: 'supportadmin_error_duration' });
		expect(parseDuration('3 veckor', day)).toEqual({ ok: false, message: 'supportadmin_error_duration' });
		expect(parseDuration('-2 d', day)).toEqual({ ok: false, message: 'supportadmin_error_duration' });
		expect(parseDuration('0 t', day)).toEqual({ ok: false, message: 'supportadmin_error_duration_zero' });
		expect(parseDuration('201 d', day)).toEqual({ ok: false, message: 'supportadmin_error_duration_large' });
	});

	it('writes whole working days as days and anything else as hours', () => {
		expect(formatDuration(1620, day)).toBe('3 d');
		expect(formatDuration(150, day)).toBe('2,5 t');
		expect(formatDuration(150, day, 'en')).toBe('2.5 h');
		expect(formatDuration(null, day)).toBe('');
	});
});
