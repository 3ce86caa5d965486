// Covers: buildSessionCalendar, checkSession, isMeetingUrl, addWeeks
import { describe, expect, it } from 'vitest';
import { buildSessionCalendar } from './session-calendar';
import { addWeeks, checkSession, isMeetingUrl, sessionSchema } from './session-input';

const event = {
	id: '3f2b9a3e-1c1d-4e5f-8a9b-0c1d2e3f4a5b',
	title: 'Onlinestuga, lärplattformen',
	description: 'Kom med dina frågor; vi tittar på dem tillsammans.',
	startsAt: new Date('2026-12-09T13:00:00Z'),
	endsAt: new Date('2026-12-09T13:45:00Z'),
	location: 'https://mote.exempel.se/stuga',
	url: 'https://rodtrad.exempel.se/exempel/handledning/3f2b9a3e-1c1d-4e5f-8a9b-0c1d2e3f4a5b',
	hostName: 'Kim Nyckelsson',
	cancelled: false
};

/** The text with RFC 5545 line folding undone. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

describe('the iCal of a guidance session', () => {
	it('is one timed event in UTC with the title, the place and a UID that stays with the session', () => {
		const text = unfold(buildSessionCalendar(event, new Date('2026-12-01T08:00:00Z')));
		expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
		expect(text).toContain('DTSTART:20261209T130000Z');
		expect(text).toContain('DTEND:20261209T134500Z');
		expect(text).toContain('SUMMARY:Onlinestuga\\, lärplattformen');
		expect(text).toContain('LOCATION:https://mote.exempel.se/stuga');
		expect(text).toContain(`UID:guidance-${event.id}@rodtrad`);
		expect(text).toContain('STATUS:CONFIRMED');
		expect(text).toContain('Kim Nyckelsson');
	});

	it('says CANCELLED for a cancelled session, under the same UID', () => {
		const text = unfold(buildSessionCalendar({ ...event, cancelled: true }));
		expect(text).toContain('STATUS:CANCELLED');
		expect(text).toContain(`UID:guidance-${event.id}@rodtrad`);
	});

	it('escapes text a host typed, so it cannot add lines of its own', () => {
		const text = unfold(buildSessionCalendar({ ...event, title: 'Hej\r\nATTENDEE:mailto:x@y.se' }));
		expect(text).not.toMatch(/^ATTENDEE:/m);
	});
});

const now = new Date('2026-12-01T08:00:00Z');
const input = (o: Record<string, string> = {}) =>
	sessionSchema.parse({
		kind: 'one_to_one',
		chain: 'pedagogical',
		title: 'Handledning',
		day: '2026-12-09',
		start: '14:00',
		end: '14:45',
		meetingUrl: 'https://mote.exempel.se/a',
		...o
	});

describe('the rules of a session', () => {
	it('makes one occasion in Stockholm time', () => {
		const { issues, occasions } = checkSession(input(), now);
		expect(issues).toEqual([]);
		expect(occasions).toEqual([{ startsAt: new Date('2026-12-09T13:00:00Z'), endsAt: new Date('2026-12-09T13:45:00Z') }]);
	});

	it('keeps the wall-clock hour of a weekly series across the change to summer time', () => {
		const { occasions } = checkSession(input({ kind: 'drop_in', seats: '8', day: '2027-03-22', occasions: '2' }), now);
		expect(occasions.map((o) => o.startsAt.toISOString())).toEqual(['2027-03-22T13:00:00.000Z', '2027-03-29T12:00:00.000Z']);
	});

	it('refuses an end before the start, a past time, more seats for 1–1, a bad link and nowhere to meet', () => {
		const fields = (o: Record<string, string>) => checkSession(input(o), now).issues.map((i) => `${i.field}:${i.message}`);
		expect(fields({ end: '13:00' })).toEqual(['end:guidance_error_end_before_start']);
		expect(fields({ day: '2026-11-30' })).toEqual(['day:guidance_error_in_past']);
		expect(fields({ seats: '3' })).toEqual(['seats:guidance_error_one_seat']);
		expect(fields({ kind: 'drop_in', seats: '3' })).toEqual([]);
		expect(fields({ meetingUrl: 'javascript:alert(1)' })).toEqual(['meetingUrl:guidance_error_url']);
		expect(fields({ meetingUrl: '' })).toEqual(['meetingUrl:guidance_error_where']);
		expect(fields({ meetingUrl: '', place: 'Sal 4' })).toEqual([]);
	});

	it('knows a meeting link from other text, and counts weeks by the calendar', () => {
		expect(isMeetingUrl('https://teams.example.com/l/abc')).toBe(true);
		expect(isMeetingUrl('http://mote.exempel.se')).toBe(true);
		expect(isMeetingUrl('ftp://x.se')).toBe(false);
		expect(isMeetingUrl('mote.exempel.se')).toBe(false);
		expect(addWeeks('2026-12-28', 1)).toBe('2027-01-04');
	});
});
