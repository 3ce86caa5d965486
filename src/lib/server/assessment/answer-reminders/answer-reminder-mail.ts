import { m } from '$lib/paraglide/messages';
import type { MailLocale } from '../../mail/bilingual-mail';
import { bilingualMail } from '../../mail/bilingual-mail';

/** What a reminder to answer needs: the round, its closing day and the places where the person has not submitted. */
export type AnswerReminderFacts = {
	roundName: string;
	closesOn: string;
	/** Whole days from today to the closing day (0 = closes today). */
	daysLeft: number;
	/** One entry per unit: its name, the perspectives still to answer and the address of the answer page. */
	places: { unitName: string; perspectives: string[]; link: string }[];
};

const PERSPECTIVE: Record<string, (p: Record<string, never>, o: { locale: MailLocale }) => string> = {
	leadership: m.rounds_perspective_leadership,
	staff: m.rounds_perspective_staff,
	students: m.rounds_perspective_students,
	key_people: m.rounds_perspective_key_people
};

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The reminder to someone with an account who has not submitted their answer, Swedish first and English below.
 * It names the round, the units and the closing day, never anyone else.
 */
export function buildAnswerReminderMail(f: AnswerReminderFacts): { subject: string; body: string } {
	const round = oneLine(f.roundName);
	const date = f.closesOn;
	return bilingualMail((locale) => {
		const o = { locale };
		const places = f.places.map((p) => {
			const as = p.perspectives.map((x) => PERSPECTIVE[x]?.({}, o) ?? x).join(', ');
			return `${m.rates_mail_place({ unit: oneLine(p.unitName), as }, o)}\n${p.link}`;
		});
		return {
			subject: m.rates_mail_subject({ round, date }, o),
			paragraphs: [
				m.rates_mail_greeting({}, o),
				m.rates_mail_not_yet({ round, date, days: Math.max(0, f.daysLeft) }, o),
				...places,
				m.rates_mail_why({}, o)
			]
		};
	});
}
