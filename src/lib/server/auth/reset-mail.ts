import { m } from '$lib/paraglide/messages';
import { bilingualMail } from '../mail/bilingual-mail';

/**
 * The password-reset mail: greeting, what happened, the link on a line of its own,
 * how long it works, and what to do if the reader did not ask for it.
 */
export function buildResetMail(opts: { name: string; link: string; minutes: number }): { subject: string; body: string } {
	return bilingualMail((locale) => ({
		subject: m.account_mail_reset_subject({}, { locale }),
		paragraphs: [
			m.account_mail_greeting({ name: opts.name }, { locale }),
			m.account_mail_reset_intro({}, { locale }),
			opts.link,
			m.account_mail_reset_validity({ minutes: opts.minutes }, { locale }),
			m.account_mail_reset_ignore({}, { locale }),
			m.account_mail_automatic({}, { locale })
		]
	}));
}
