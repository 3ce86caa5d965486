import { m } from '$lib/paraglide/messages';
import { bilingualMail, type MailLocale } from '../../mail/bilingual-mail';
import type { DueItem } from './due-source';

export type ReminderKind = 'due_soon' | 'overdue';

/** What a reminder mail needs: the item, what it is called, the recipient's own name and the days left. */
export type ReminderMailFacts = {
	kind: ReminderKind;
	item: Pick<DueItem, 'title' | 'dueOn' | 'link' | 'status' | 'place'>;
	noun: Record<MailLocale, string>;
	recipientName: string;
	/** Whole days from today to the due date (negative when overdue). */
	daysLeft: number;
};

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The reminder to the person responsible, Swedish first and English below (Rödtråd stores no language per
 * person). The subject names the item and its date, never another person.
 */
export function buildReminderMail(f: ReminderMailFacts): { subject: string; body: string } {
	const title = oneLine(f.item.title);
	const date = f.item.dueOn;
	return bilingualMail((locale) => {
		const o = { locale };
		const noun = f.noun[locale];
		const when =
			f.kind === 'overdue'
				? m.reminders_mail_overdue({ noun, title, date }, o)
				: m.reminders_mail_due_soon({ noun, title, date, days: Math.max(0, f.daysLeft) }, o);
		return {
			subject:
				f.kind === 'overdue' ? m.reminders_mail_subject_overdue({ title, date }, o) : m.reminders_mail_subject_due_soon({ title, date }, o),
			paragraphs: [
				m.reminders_mail_greeting({ name: f.recipientName }, o),
				when,
				m.reminders_mail_facts({ place: f.item.place[locale], status: f.item.status[locale] }, o),
				`${m.reminders_mail_link({}, o)}\n${f.item.link}`,
				m.reminders_mail_why({}, o)
			]
		};
	});
}
