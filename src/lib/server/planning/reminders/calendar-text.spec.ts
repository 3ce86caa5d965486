// Covers: buildCalendarText.
import { describe, expect, it } from 'vitest';
import { buildCalendarText } from './calendar-text';

/** The text with folded lines (RFC 5545: CRLF and one space) joined again. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

describe('the calendar feed text', () => {
	const text = buildCalendarText({
		name: 'Rödtråd – mina datum',
		now: new Date('2026-12-01T10:00:00Z'),
		events: [
			{
				uid: 'action-1@rodtrad',
				day: '2026-12-08',
				summary: 'Läsfrämjande; steg 1, del 2',
				description: 'Status: Pågår\nPlan: Huvudmannens plan',
				url: 'http://localhost/org/planering/aktivitet/1'
			},
			{
				uid: 'action-2@rodtrad',
				day: '2027-01-31',
				summary: 'Utvärdera',
				description: 'Status: Planerad',
				url: 'http://localhost/org/planering/aktivitet/2'
			}
		]
	});
	const lines = unfold(text).split('\r\n');

	it('is one VCALENDAR with a VEVENT per event, lines ended by CRLF', () => {
		expect(lines[0]).toBe('BEGIN:VCALENDAR');
		expect(lines).toContain('VERSION:2.0');
		expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
		expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(2);
		expect(lines.filter(Boolean).at(-1)).toBe('END:VCALENDAR');
		expect(text).not.toMatch(/[^\r]\n/);
	});

	it('writes each event as an all-day date with its uid, link and name', () => {
		expect(lines).toContain('DTSTART;VALUE=DATE:20261208');
		expect(lines).toContain('DTSTART;VALUE=DATE:20270131');
		expect(lines).toContain('UID:action-1@rodtrad');
		expect(lines.some((l) => l.startsWith('URL') && l.endsWith(':http://localhost/org/planering/aktivitet/1'))).toBe(true);
		expect(lines.some((l) => l.startsWith('X-WR-CALNAME:Rödtråd – mina datum'))).toBe(true);
	});

	it('escapes commas, semicolons and line breaks in text', () => {
		expect(lines).toContain('SUMMARY:Läsfrämjande\\; steg 1\\, del 2');
		expect(lines).toContain('DESCRIPTION:Status: Pågår\\nPlan: Huvudmannens plan');
	});

	it('folds long lines at 75 octets', () => {
		const long = buildCalendarText({
			name: 'x',
			events: [{ uid: 'u', day: '2026-12-08', summary: 'å'.repeat(100), description: '', url: 'http://x' }]
		});
		for (const line of long.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
		expect(unfold(long)).toContain(`SUMMARY:${'å'.repeat(100)}`);
	});
});
