// Covers: buildResetMail.
import { describe, expect, it } from 'vitest';
import { buildResetMail } from './reset-mail';

const link = 'https://rodtrad.exempel.se/aterstall-losenord/abc123';

describe('the password-reset mail', () => {
	const mail = buildResetMail({ name: 'Åsa Öberg', link, minutes: 45 });

	it('has a subject in Swedish first, then English', () => {
		expect(mail.subject).toBe('Välj ett nytt lösenord till Rödtråd / Choose a new password for Rödtråd');
	});

	it('greets the person and gives the link on a line of its own in both languages', () => {
		expect(mail.body).toContain('Hej Åsa Öberg!');
		expect(mail.body).toContain('Hello Åsa Öberg,');
		const linkLines = mail.body.split('\n').filter((l) => l === link);
		expect(linkLines).toHaveLength(2);
	});

	it('puts the whole Swedish text before the English text', () => {
		const sv = mail.body.indexOf('gäller i 45 minuter');
		const en = mail.body.indexOf('works for 45 minutes');
		expect(sv).toBeGreaterThan(0);
		expect(en).toBeGreaterThan(sv);
		expect(mail.body.indexOf('Hello')).toBeGreaterThan(mail.body.indexOf('strunta i det här mejlet'));
	});

	it('tells English readers at the top that their text follows', () => {
		expect(mail.body.split('\n')[0]).toContain('English below');
	});
});
