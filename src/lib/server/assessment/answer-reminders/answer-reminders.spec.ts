// Covers: parseReminderDays, reminderDaysOf, buildAnswerReminderMail.
import { describe, expect, it } from 'vitest';
import { parseReminderDays, reminderDaysOf } from './reminder-days';
import { buildAnswerReminderMail } from './answer-reminder-mail';

describe('parseReminderDays', () => {
	it('reads one to five whole days from 0 to 60, most first, each once', () => {
		expect(parseReminderDays('7, 2')).toEqual([7, 2]);
		expect(parseReminderDays(' 2 14;7 2 ')).toEqual([14, 7, 2]);
		expect(parseReminderDays('0')).toEqual([0]);
	});
	it('refuses anything else', () => {
		for (const bad of ['', ' , ', '61', '7, -1', '2.5', 'sju', '1,2,3,4,5,6', '100']) expect(parseReminderDays(bad), bad).toBeNull();
	});
	it('turns the form into reminder days: unticked is off, absent keeps what the round has', () => {
		expect(reminderDaysOf({})).toBeUndefined();
		expect(reminderDaysOf({ remind: false, remindDays: '7, 2' })).toEqual([]);
		expect(reminderDaysOf({ remind: true, remindDays: '3' })).toEqual([3]);
		expect(reminderDaysOf({ remind: true })).toEqual([7, 2]);
	});
});

describe('buildAnswerReminderMail', () => {
	it('names the round, the closing day and each unit with its link, in Swedish and English, with the right plural', () => {
		const mail = buildAnswerReminderMail({
			roundName: 'Höstens\nskattning',
			closesOn: '2026-11-30',
			daysLeft: 1,
			places: [{ unitName: 'Ekskolan', perspectives: ['staff', 'key_people'], link: 'https://rodtrad.example/x/skattning/r/svara/u' }]
		});
		expect(mail.subject).toBe(
			'Påminnelse: svara på ”Höstens skattning” senast 2026-11-30 / Reminder: answer “Höstens skattning” by 2026-11-30'
		);
		expect(mail.body).toContain('(om 1 dag)');
		expect(mail.body).toContain('(in 1 day)');
		expect(mail.body).toContain('Ekskolan, som Personal, Nyckelpersoner och support:\nhttps://rodtrad.example/x/skattning/r/svara/u');
		expect(mail.body).toContain('Ekskolan, as Staff');
		expect(buildAnswerReminderMail({ roundName: 'R', closesOn: '2026-11-30', daysLeft: 7, places: [] }).body).toContain('(om 7 dagar)');
	});
});
