import { m } from '$lib/paraglide/messages';

export type MailLocale = 'sv' | 'en';

/** One language's version of a mail: a subject and plain-text paragraphs. */
export type MailVersion = { subject: string; paragraphs: string[] };

/**
 * One plain-text mail in Swedish first, then English, for recipients whose language we do not know.
 * The subject carries both languages; the body separates them with a rule.
 */
export function bilingualMail(version: (locale: MailLocale) => MailVersion): { subject: string; body: string } {
	const sv = version('sv');
	const en = version('en');
	const body = [
		m.account_mail_english_below({}, { locale: 'sv' }),
		...sv.paragraphs,
		'----------------------------------------',
		...en.paragraphs
	].join('\n\n');
	return { subject: `${sv.subject} / ${en.subject}`, body: `${body}\n` };
}
